# Builds kb/Consumables_Returns_Warranty_Claims_Mingde_Connect.html : an intranet page saved from the
# browser ("Save page as"), with nav, breadcrumb, sidebar widgets, cookie banner, comments and footer.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "kb", "Consumables_Returns_Warranty_Claims_Mingde_Connect.html")

HTML = """<!DOCTYPE html>
<!-- saved from url=(0079)https://connect.mingde-office.com.cn/sales-hub/policies/consumables-returns -->
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Consumables Returns &amp; Warranty Claims 耗材退换货及质保申请 - Mingde Connect</title>
<link rel="stylesheet" href="./Consumables_files/intranet.min.css">
<style>
.cookie-bar{position:fixed;bottom:0;left:0;right:0;background:#222;color:#eee;padding:10px}
.sidebar .widget{border:1px solid #ddd;margin-bottom:12px;padding:8px}
</style>
<script src="./Consumables_files/jquery-3.6.0.min.js"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','UA-INTRA-0042');</script>
</head>
<body class="page-template policy-page">
<div id="cookie-banner" class="cookie-bar">
<p>This intranet uses cookies to remember your language and layout preferences.</p>
<p>本网站使用 Cookie 记住您的语言和布局偏好。</p>
<button id="cookie-accept">Accept all</button> <button id="cookie-settings">Cookie settings</button>
</div>
<header class="top">
<a class="logo" href="https://connect.mingde-office.com.cn/">Mingde Connect 明德内网</a>
<nav class="main-nav">
<ul>
<li><a href="/">Home 首页</a></li>
<li><a href="/news">News 新闻</a></li>
<li><a href="/hr">HR 人事</a></li>
<li><a href="/it">IT Helpdesk</a></li>
<li class="active"><a href="/sales-hub">Sales Hub 销售中心</a></li>
<li><a href="/kb">Knowledge Base 知识库</a></li>
<li><a href="/directory">Staff Directory 通讯录</a></li>
</ul>
</nav>
<div class="user-box">Signed in as liuyang.nb | <a href="/logout">Sign out</a></div>
<form class="search"><input type="text" placeholder="Search Mingde Connect..."><button>Search</button></form>
</header>
<div class="breadcrumb">
<a href="/">Home</a> &gt; <a href="/sales-hub">Sales Hub</a> &gt; <a href="/sales-hub/policies">Policies</a> &gt; <span>Consumables Returns</span>
</div>
<div class="layout">
<main class="content">
<article>
<h1>Consumables Returns &amp; Warranty Claims 耗材退换货及质保申请</h1>
<p class="meta">Owner: Consumables Service Desk | Last updated: 12 May 2025 | Applies to: all sales and service staff</p>
<p>This page explains what our customers can return, how to claim for a defective original cartridge, and how the empty-cartridge recycling programme works. It applies to original Mingde (MD-) toner cartridges, drum units, toner bottles and waste toner boxes bought from Mingde or an authorised Mingde dealer. MPS contract customers do not follow this page: faulty supplies under an MPS contract are simply replaced through the MPS Operations Department (ext. 8310).</p>
<p>本页面说明客户可退换的耗材范围、原装耗材质量问题的质保申请流程以及空粉盒回收计划。适用于从明德办公或授权经销商购买的原装MD系列粉盒、感光鼓、粉筒及废粉盒。MPS合同客户的耗材问题由MPS运营部直接更换，不适用本页面。</p>

<h2>1. Return of unopened consumables 未拆封耗材退货</h2>
<ul>
<li>Unopened consumables in their original sealed packaging can be returned within 30 days of the delivery date for exchange or a full credit. No restocking fee applies.</li>
<li>The customer must provide the original invoice number or the delivery note number (format DN-2025-xxxxxx).</li>
<li>Returns between 31 and 90 days after delivery are accepted only with Regional Sales Manager approval and carry a 15% restocking fee.</li>
<li>Opened but non-defective consumables cannot be returned. 已拆封且无质量问题的耗材不予退货。</li>
<li>Special-order items (for example MD-MC7560 production toner ordered for a specific customer) cannot be returned once ordered.</li>
</ul>

<h2>2. Warranty on defective cartridges 质量问题质保</h2>
<p>Original consumables are guaranteed against defects in materials and workmanship. A warranty claim must be raised within 12 months of the purchase date, or before the "use by" date printed on the box, whichever comes first.</p>
<p>Typical valid defects include toner leaking from a new cartridge, repeated streaks or spots that disappear when a different cartridge is fitted, a chip error ("Non-genuine cartridge" or "Cartridge not recognised") on a genuine cartridge, and a cartridge that stops printing before reaching 60% of its rated page yield.</p>
<p>Not covered 以下情况不在质保范围内: damage caused by refilling or modification, physical damage from dropping, cartridges stored above 35°C or in direct sunlight, and any third-party or compatible cartridge. 使用非原装耗材造成的打印机损坏不在整机保修范围内。</p>

<h2>3. Information needed for a claim 申请所需资料</h2>
<ul>
<li>Photo of the cartridge label showing the serial number and lot number</li>
<li>A test print or a printed sample showing the defect</li>
<li>The printer's configuration page or usage counter page, so that pages printed with the cartridge can be checked</li>
<li>Invoice or delivery note number and the customer's CRM account number</li>
</ul>

<h2>4. How to submit a claim 申请流程</h2>
<ol>
<li><strong>Step 1 – Collect the evidence.</strong> Ask the customer for the items in section 3. Do not ask the customer to post the cartridge yet.</li>
<li><strong>Step 2 – Raise an RMA in CRM.</strong> Go to Account &gt; Service &gt; New RMA, choose "Consumables – defect", attach the photos and test print. CRM issues an RMA number in the format RMA-2025-nnnnn.</li>
<li><strong>Step 3 – Service Desk review.</strong> The Consumables Service Desk reviews the claim within 2 working days. It may ask a service engineer to visit if the fault could be in the printer rather than the cartridge.</li>
<li><strong>Step 4 – Replacement.</strong> Approved claims are replaced like-for-like and shipped by SF Express within 3 working days of approval. If the item is out of stock, the customer's account is credited instead.</li>
<li><strong>Step 5 – Collect the faulty cartridge.</strong> The faulty cartridge is collected by the courier when the replacement is delivered, in the replacement's box, with the RMA number written on the outside. Claims where the faulty cartridge is not returned within 30 days are invoiced at the customer price.</li>
<li><strong>Step 6 – Close the RMA.</strong> The sales representative confirms with the customer and closes the RMA in CRM. 销售代表确认客户已收到替换品后在CRM中关闭RMA。</li>
</ol>

<h2>5. Empty cartridge recycling 空粉盒回收计划（绿色回收）</h2>
<p>Customers can send back empty original Mingde cartridges, drums and toner bottles free of charge. For every 10 empty original cartridges returned, the customer receives a CNY 50 consumables voucher, valid for 6 months. Free courier pickup is arranged when at least 20 empties are ready; smaller quantities can be handed to a visiting service engineer.</p>
<p>回收的空粉盒由合作方浙江绿源再生资源有限公司进行环保处理，客户可申请年度回收证明，用于企业ESG报告。</p>

<h2>6. Contacts 联系方式</h2>
<p>Consumables Service Desk 耗材服务台: ext. 8420, rma@mingde-office.com.cn, Monday to Friday 8:30-17:30.<br>
Recycling pickups 回收预约: ext. 8425, green@mingde-office.com.cn.</p>
<p class="related">See also: <a href="/kb/price-list-2025q3">2025 Q3 Price List</a> | <a href="/kb/mps-onboarding">MPS Contract Onboarding SOP</a></p>
</article>

<section class="comments">
<h3>Comments (4)</h3>
<div class="comment"><span class="author">Zhou Jie (Sales, Shaoxing)</span> <span class="date">2025-05-14 09:12</span>
<p>Thanks, much clearer than the old PDF!</p></div>
<div class="comment"><span class="author">Helen Xu (Sales, Hangzhou)</span> <span class="date">2025-05-15 16:40</span>
<p>The New RMA button doesn't show on the CRM mobile app for me. Anyone else?</p></div>
<div class="comment"><span class="author">Wang Lei (IT Helpdesk)</span> <span class="date">2025-05-16 10:03</span>
<p>@Helen Xu please update the app to version 5.2, the button was added there.</p></div>
<div class="comment"><span class="author">陈晓 (Sales, Jiaxing)</span> <span class="date">2025-05-20 14:27</span>
<p>请问食堂周六开吗？发错地方了，抱歉 😅</p></div>
<form class="comment-form"><textarea placeholder="Write a comment..."></textarea><button>Post comment</button></form>
</section>
</main>

<aside class="sidebar">
<div class="widget weather">
<h4>Weather 天气</h4>
<p>Hangzhou 杭州: 31°C, cloudy, light rain in the evening</p>
</div>
<div class="widget canteen">
<h4>Today's canteen 今日食堂</h4>
<p>Braised pork 红烧肉 / Tomato and egg 番茄炒蛋 / Seasonal greens 清炒时蔬 - Lunch 11:30-13:00</p>
</div>
<div class="widget birthdays">
<h4>Birthdays this week 本周生日</h4>
<p>Zhao Min (Finance), Liu Yang (Sales, Ningbo), Gao Feng (Service)</p>
</div>
<div class="widget it-notice">
<h4>IT notice</h4>
<p>VPN maintenance on Saturday 24 May, 22:00-24:00. Email will not be affected.</p>
</div>
<div class="widget poll">
<h4>Poll: Summer team-building 夏季团建</h4>
<p>Qiandao Lake 千岛湖 (54%) | Moganshan 莫干山 (31%) | Escape room 密室逃脱 (15%)</p>
</div>
<div class="widget links">
<h4>Quick links</h4>
<p>CRM | ERP | Leave request 请假 | Expense claim 报销 | Meeting rooms</p>
</div>
</aside>
</div>
<footer>
<p>© 2025 Mingde Office Equipment Co., Ltd. 杭州明德办公设备有限公司 | For internal use only 仅限内部使用</p>
<p>IT Helpdesk ext. 8000 | Privacy notice | Terms of use | Mingde Connect v3.8.2</p>
</footer>
<script>document.getElementById('cookie-accept').onclick=function(){document.getElementById('cookie-banner').style.display='none';};</script>
</body></html>
"""

with open(OUT, "w", encoding="utf-8") as f:
    f.write(HTML)
import sys
sys.path.insert(0, HERE)
from html.parser import HTMLParser
class _T(HTMLParser):
    def __init__(self):
        super().__init__(); self.out = []; self.skip = 0
    def handle_starttag(self, tag, a):
        if tag in ("script", "style"): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style"): self.skip -= 1
    def handle_data(self, d):
        if not self.skip: self.out.append(d)
t = _T(); t.feed(HTML)
print(OUT, len(HTML), len("".join(t.out)))
