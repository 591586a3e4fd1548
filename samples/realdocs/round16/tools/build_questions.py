# Writes questions.jsonl (150 questions) and checks facts (4-30 chars, verbatim in extracted text).
import json, os, collections
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")

W = "销售代表岗位职责_文档汇网页复制.txt"
D = "MPS_Contract_Onboarding_SOP_RevC.docx"
P = "明德办公2025Q3价目表.pdf"
H = "Consumables_Returns_Warranty_Claims_Mingde_Connect.html"
C = "客户信用管理及折扣审批办法（2025修订）.txt"
E = "Demo_Loaner_Equipment_Procedure.txt"

# sections
W1, W2, W3, W4, W5, W6, W7, W8 = ("一、岗位基本信息", "二、主要工作职责", "三、客户开发与拜访规范", "四、报价与折扣",
                                  "五、MPS合同销售要点", "六、回款与信用管理", "七、绩效考核与提成", "八、日常工作纪律")
D4, D51, D52, D53, D54, D55, D6, D7, D9 = ("4. Definitions", "5.1 Qualification and Print Assessment",
    "5.2 Proposal and Pricing", "5.3 Contract Approval and Signing", "5.4 Installation and Go-Live",
    "5.5 Meter Reading, Supplies and Billing", "6. Service Level Agreement", "7. Quarterly Business Review",
    "9. Revision History")
P0, P1, P2, P3, P3a, P4, P5, P6, P7 = ("使用说明", "一、黑白激光打印机（A4）", "二、彩色激光打印机（A4）",
    "三、数码复合机（A3，复印/打印/扫描）", "复合机选配件", "四、原装耗材", "五、MPS管理打印服务按张计费标准",
    "六、服务及其他收费", "七、价格说明与联系方式")
H1, H2, H3, H4, H5, H6 = ("1. Return of unopened consumables 未拆封耗材退货", "2. Warranty on defective cartridges 质量问题质保",
    "3. Information needed for a claim 申请所需资料", "4. How to submit a claim 申请流程",
    "5. Empty cartridge recycling 空粉盒回收计划（绿色回收）", "6. Contacts 联系方式")
C3, C4, C5, C6, C7, C8 = ("第三章　客户信用等级与信用额度", "第四章　价格与折扣审批权限", "第五章　合同付款条款与保证金",
    "第六章　应收账款管理与逾期处理", "第七章　考核与责任追究", "第八章　附则")
E0, E3, E4, E5, E6, E7, E8, E9, E10, E11 = ("DEMO AND LOANER EQUIPMENT PROCEDURE", "3. THE DEMO POOL",
    "4. WHO CAN REQUEST A DEMO UNIT", "5. HOW TO REQUEST A DEMO UNIT", "6. LOAN PERIOD", "7. DEPOSIT AND FREE PAGES",
    "8. COLLECTION AND INSPECTION", "9. DAMAGE AND LOSS", "10. LOANER UNITS FOR CONTRACT CUSTOMERS", "11. RECORDS")

Q = []
def A(kind, lang, q, src, sec, facts):
    Q.append({"q": q, "lang": lang, "kind": kind, "answerable": True, "source": src, "section": sec, "facts": facts})
def U(kind, lang, q, boiler=False):
    r = {"q": q, "lang": lang, "kind": kind, "answerable": False}
    if boiler: r["boilerplate"] = True
    Q.append(r)

# ---------------- same_lang, English ----------------
S = "same_lang"
A(S, "en", "What's the minimum fleet size or print volume a prospect needs before we can pitch them an MPS deal?", D, D51, ["at least 5 print devices", "at least 5,000 pages"])
A(S, "en", "How long does the free print assessment usually run at the customer site?", D, D51, ["normally 14 days", "never less than 10 days"])
A(S, "en", "Once the assessment period is over, how soon does MPS Ops send the assessment report?", D, D51, ["Within 5 working days"])
A(S, "en", "For how many days is an MPS proposal valid after we present it?", D, D52, ["valid for 30 days"])
A(S, "en", "Which contract template should I pick for a 24-month MPS deal?", D, D53, ["MPS-T04"])
A(S, "en", "Above what total value does an MPS contract need Legal review and the GM's signature?", D, D53, ["CNY 300,000", "General Manager"])
A(S, "en", "After the customer signs, how quickly will Service install the MPS devices?", D, D54, ["within 10 working days"])
A(S, "en", "From what date do we start billing a new MPS customer?", D, D4, ["starts on the go-live date"])
A(S, "en", "At what toner level does FleetWatch automatically order a new cartridge for an MPS customer?", D, D55, ["15% remaining"])
A(S, "en", "Which day of the month are MPS meter readings pulled?", D, D55, ["25th of every month"])
A(S, "en", "If a contracted device misses its uptime commitment, what service credit does the customer get?", D, D6, ["credit of 5%", "capped at 20%"])
A(S, "en", "The customer's IT team asks what network access the FleetWatch agent needs. What do I tell them?", D, D4, ["outbound only", "HTTPS port 443"])
A(S, "en", "How many demo units do we have in total, and how many sit in the Ningbo office?", E, E3, ["26 units", "6 in Ningbo"])
A(S, "en", "What's the minimum estimated deal value before I can ask for a demo unit?", E, E4, ["CNY 20,000"])
A(S, "en", "How far ahead of the delivery date do I have to put in the demo request?", E, E5, ["at least 3 working days"])
A(S, "en", "Am I allowed to take a demo MFP over to the customer in my own car?", E, E5, ["must not transport MFPs"])
A(S, "en", "How long can a prospect keep a demo unit, counting any extension?", E, E6, ["14 calendar days", "therefore 21 days"])
A(S, "en", "Do prospects have to pay a deposit for a demo machine?", E, E7, ["credit grade A or B", "20% of the unit's list price"])
A(S, "en", "How many free pages are included when a customer trials a demo unit?", E, E7, ["2,000 black-and-white pages", "500 colour pages"])
A(S, "en", "My prospect wants to buy the exact demo unit they've been testing. Can we sell them that one?", E, E6, ["must still be returned", "never sold directly"])
A(S, "en", "What happens to me if my customer hangs on to the demo unit well past the return date?", E, E9, ["more than 7 days past", "for 3 months"])
A(S, "en", "What daily rate do we charge a break-fix customer who wants to rent a loaner?", E, E10, ["CNY 30 per day", "CNY 120 per"])
A(S, "en", "Who is the coordinator for the demo pool and what's their extension?", E, E0, ["Gao Feng", "ext. 8352"])
A(S, "en", "What was our demo-to-order conversion rate in 2024?", E, E11, ["conversion rate was 41%"])
A(S, "en", "A customer wants to send back toner they never opened. How long do they have?", H, H1, ["within 30 days", "No restocking fee"])
A(S, "en", "What's the restocking fee if an unopened cartridge comes back after the first 30 days?", H, H1, ["15% restocking fee", "Sales Manager approval"])
A(S, "en", "How long do customers have to make a warranty claim on a faulty cartridge?", H, H2, ["within 12 months", "the \"use by\" date"])
A(S, "en", "Is a refilled cartridge covered by the consumables warranty?", H, H2, ["refilling or modification"])
A(S, "en", "A cartridge quit at about half its rated yield. Does that count as a warranty defect?", H, H2, ["60% of its rated page yield"])
A(S, "en", "What does an RMA number look like for consumables claims?", H, H4, ["RMA-2025-nnnnn"])
A(S, "en", "Once a claim is approved, how fast does the replacement go out and with which courier?", H, H4, ["SF Express", "3 working days of approval"])
A(S, "en", "What do customers get back for returning empty cartridges?", H, H5, ["For every 10 empty", "CNY 50 consumables voucher"])
A(S, "en", "What's the extension for the consumables service desk?", H, H6, ["ext. 8420"])

# ---------------- same_lang, Chinese ----------------
A(S, "zh", "每周要拜访多少家客户才达标？其中新客户要几家？", W, W3, ["每周有效拜访不少于12家", "新客户不少于5家"])
A(S, "zh", "跟客户打电话、微信聊算不算有效拜访？", W, W3, ["电话及微信沟通不计入有效拜访"])
A(S, "zh", "第一次拜访完新客户，多久之内得在CRM里建档？", W, W3, ["48小时内必须在CRM中建档"])
A(S, "zh", "两个销售都报备了同一个客户，客户归谁？", W, W3, ["以CRM建档时间在先者为准"])
A(S, "zh", "我们发给客户的报价单多久有效？", W, W4, ["报价单有效期为15天"])
A(S, "zh", "签单送客户粉盒、A4纸这些赠品，有金额限制吗？", W, W4, ["不得超过合同金额的2%"])
A(S, "zh", "卖MPS合同的提成是怎么算的？", W, W5, ["首年合同额的5%", "实际开票金额的2%"])
A(S, "zh", "卖硬件和卖耗材的提成比例分别是多少？", W, W7, ["销售毛利的8%", "销售额的3%"])
A(S, "zh", "季度业绩做到多少有额外奖金？奖多少？", W, W7, ["超过120%", "额外奖励3,000元"])
A(S, "zh", "新来的销售试用期多久？转正要考什么？", W, W1, ["试用期：3个月", "80分及格"])
A(S, "zh", "MD-P3300dn 的大客户价是多少？", P, P1, ["2,120"])
A(S, "zh", "MD-C4025dn 零售价多少？每分钟打几页？", P, P2, ["3,680", "25页/分"])
A(S, "zh", "彩色复合机里最便宜的是哪个型号？零售价多少？", P, P3, ["MD-MC6030", "26,800"])
A(S, "zh", "MD-M5035 给经销商的价格是多少？", P, P3, ["15,600"])
A(S, "zh", "复合机的装订器多少钱？哪些机型能装？", P, P3a, ["SR-30", "6,800", "MD-MC6045/7560"])
A(S, "zh", "MD-P2200 配的高容粉盒是哪个型号？能打多少页？", P, P4, ["MD-T2200H", "3,000页"])
A(S, "zh", "客户一次买20支同型号的粉盒，价格还能再优惠吗？", P, P4, ["再优惠5%"])
A(S, "zh", "MPS企业包的黑白和彩色每张多少钱？", P, P5, ["0.032元/张", "0.26元/张"])
A(S, "zh", "客户只想签24个月的MPS合同，价格会有什么变化？", P, P5, ["单价上浮10%"])
A(S, "zh", "客户机器过保了，上门修一次收多少钱？", P, P6, ["150元/次"])
A(S, "zh", "MD-MC7560 下单以后大概多久能交货？", P, P7, ["交货期约4周"])
A(S, "zh", "A级客户最多能给多少信用额度？账期最长多久？", C, C3, ["信用额度最高50万元", "账期最长60天"])
A(S, "zh", "政府单位和公立医院的账期最长可以放到多少天？", C, C3, ["账期可延长至90天"])
A(S, "zh", "新客户要合作多久、满足什么条件才能申请赊账？", C, C3, ["合作满6个月", "累计交易3笔以上"])
A(S, "zh", "在大客户价基础上再让10个点，需要谁来批？", C, C4, ["8%以上至15%（含）：销售总监审批"])
A(S, "zh", "折扣超过15%的话，除了审批还要准备什么材料？", C, C4, ["总经理审批", "竞争对手报价或招标文件"])
A(S, "zh", "特价审批通过以后，多长时间内有效？", C, C4, ["有效期为30天"])
A(S, "zh", "签MPS合同要不要收保证金？收多少？", C, C5, ["3个月最低消费金额的履约保证金"])
A(S, "zh", "卖硬件的合同，标准的付款方式是怎样的？", C, C5, ["预付合同金额的30%", "验收合格后30天内付清余款"])
A(S, "zh", "客户想用商业承兑汇票付款，可以收吗？", C, C5, ["商业承兑汇票须经财务总监事先同意"])
A(S, "zh", "客户欠款逾期超过90天，公司会怎么处理？", C, C6, ["移交法务部", "信用等级降为D级"])
A(S, "zh", "如果因为我擅自赊销造成坏账，我个人要承担多少？", C, C7, ["坏账损失金额的10%", "最高不超过3万元"])
A(S, "zh", "客户的信用等级多久重新评定一次？", C, C3, ["每年1月重新评定一次"])

# ---------------- cross_lang: English questions about Chinese documents ----------------
X = "cross_lang"
A(X, "en", "What's the monthly deadline for submitting the regional market information report?", W, W2, ["每月25日前"])
A(X, "en", "After a new machine is installed, how soon do I have to do the first follow-up with the customer?", W, W2, ["7天内须完成首次回访"])
A(X, "en", "What time do reps need to clock in each morning?", W, W8, ["早上8:45前"])
A(X, "en", "If I miss target two quarters in a row, what happens and how long does the PIP last?", W, W7, ["低于60%", "PIP期限为60天"])
A(X, "en", "When do sales commissions actually get paid out?", W, W7, ["按季度发放", "次月的15日"])
A(X, "en", "What's the large-account price for the MD-M5045 copier?", P, P3, ["22,100"])
A(X, "en", "How much is the extended warranty on the P-series printers, and when does the customer have to buy it?", P, P1, ["整机零售价的8%", "购机后90天内购买"])
A(X, "en", "Is there a promotion running on the MD-MC6030 this quarter?", P, P0, ["购机即送原装彩色粉筒一套", "活动截至2025年8月31日"])
A(X, "en", "What's the monthly minimum charge on the MPS Professional package?", P, P5, ["2,500元"])
A(X, "en", "Do we charge extra for delivery outside the main city areas?", P, P7, ["每单加收运费80元"])
A(X, "en", "What credit limit and payment term can a C-grade customer get?", C, C3, ["信用额度最高5万元", "账期最长30天"])
A(X, "en", "Who needs to approve a credit line of 200,000 yuan for a customer?", C, C3, ["10万元以上至30万元（含）的由财务总监审批"])
A(X, "en", "An order would push my customer 15% over their credit limit. Who can approve shipping it anyway?", C, C3, ["超额部分不超过信用额度20%的由财务总监审批"])
A(X, "en", "How long does a regional manager have to approve a discount request in CRM?", C, C4, ["区域销售经理1个工作日"])
A(X, "en", "Can I give an extra discount to a customer with an invoice that's 45 days overdue?", C, C4, ["客户存在逾期30天以上未结清的应收账款"])
A(X, "en", "What's the phone extension and email for the finance receivables team?", C, C8, ["分机 8123", "ar@mingde-office.com.cn"])

# ---------------- cross_lang: Chinese questions about English documents ----------------
A(X, "zh", "MPS合同签完以后，合同原件要在几天内交给销售运营部？", D, D53, ["within 3 working days"])
A(X, "zh", "MPS每月的发票几号之前开出？客户付款期限是多久？", D, D55, ["5th working day", "payable within 30 days"])
A(X, "zh", "MPS客户的设备3个工作日内修不好，我们怎么处理？", D, D6, ["loaner unit", "at no charge"])
A(X, "zh", "季度业务回顾（QBR）是针对哪些MPS客户的？资料要提前几天发给客户？", D, D7, ["Professional and Enterprise", "at least 2 working days before"])
A(X, "zh", "MPS上线后收回客户的旧机器，硬盘数据怎么处理？", D, D54, ["DoD 5220.22-M", "data destruction certificate"])
A(X, "zh", "MPS上线流程这份SOP有问题应该找谁？", D, D9, ["Ma Yue", "ext. 8312"])
A(X, "zh", "杭州展厅地址在哪？带客户去看要提前几天预约？", E, E3, ["No. 88 Wensan Road", "2 working days ahead"])
A(X, "zh", "演示机从客户那里收回来以后，多久能再借给别人？", E, E8, ["within 2 working days"])
A(X, "zh", "演示机放在客户那儿被偷了，客户要赔多少？我要向谁报告？", E, E9, ["depreciated value", "the Finance Department"])
A(X, "zh", "签了维保合同的客户，机器维修期间能不能给备用机？收费吗？", E, E10, ["within 3 working days", "free of charge"])
A(X, "zh", "怎么从资产标签上分辨演示机？", E, E3, ["blue asset tag", "starting with DM-"])
A(X, "zh", "客户用的是兼容粉盒，出了问题能走质保吗？", H, H2, ["compatible cartridge"])
A(X, "zh", "专门为客户订购的耗材，后来客户不要了能退吗？", H, H1, ["Special-order items", "returned once ordered"])
A(X, "zh", "空粉盒攒到多少支可以免费叫快递上门取？", H, H5, ["at least 20 empties"])
A(X, "zh", "申请粉盒质保需要客户提供哪些资料？", H, H3, ["serial number and lot number", "configuration page"])
A(X, "zh", "质保换了新粉盒，客户30天内没把坏的寄回来会怎样？", H, H4, ["invoiced at the customer price"])

# ---------------- chat ----------------
K = "chat"
A(K, "en", "hey quick one, customer wants their demo box a bit longer lol, can i extend it??", E, E6, ["up to 7 calendar days"])
A(K, "en", "ugh customer lost the invoice... can they still send back the unopened toner?", H, H1, ["delivery note number"])
A(K, "en", "morning! whats the b/w price per page on the standard MPS plan again, i always forget", P, P5, ["0.045元/张"])
A(K, "en", "thx for earlier. btw who signs off a 6% discount, me or my manager?", C, C4, ["3%以上至8%（含）：区域销售经理审批"])
A(K, "en", "so the customer's IT guy is kinda paranoid - does the fleetwatch thingy need inbound firewall holes?", D, D4, ["outbound only"])
A(K, "en", "random q - do demo units come with toner or do i bring my own", E, E7, ["starter toner"])
A(K, "en", "hiya can i promise a customer their busted cartridge gets swapped same day?? theyre kinda mad", H, H4, ["within 2 working days", "3 working days of approval"])
A(K, "en", "quick sanity check, the SLA service credit maxes out at 20% right?", D, D6, ["capped at 20%"])
A(K, "zh", "哈喽～MD-C2018w 零售多少钱呀，客户嫌贵😂", P, P2, ["2,199"])
A(K, "zh", "在吗在吗，客户问MPS合同最短能签多久", W, W5, ["最短不得低于24个月"])
A(K, "zh", "各位大佬，周例会是周几几点来着，我又忘了。。", W, W8, ["每周一上午9:00"])
A(K, "zh", "请问下新客户第一单能先发货后付款不，客户催得紧啊", C, C3, ["新客户首单原则上款到发货"])
A(K, "zh", "emmm 废粉盒是哪个型号啊，多少钱一个", P, P4, ["WT-600"])
A(K, "zh", "客户说想看看样机，我得提前几天约啊？谢啦", W, W3, ["提前3个工作日"])
A(K, "zh", "对账单每个月啥时候推过来？要多久内对完呀", C, C6, ["每月25日", "5个工作日内"])
A(K, "zh", "打扰一下～年度回款100%的团队有啥奖励不", C, C7, ["团队活动经费5,000元"])

# ---------------- procedure ----------------
R = "procedure"
A(R, "en", "Walk me through what happens after an MPS customer signs, up to the contract going live.", D, D54, ["within 10 working days", "opening meter readings", "contract status to \"Live\""])
A(R, "en", "What are the steps to get a print assessment started for a prospect?", D, D51, ["Request MPS Assessment", "analyst within 2 working days", "installs the FleetWatch agent"])
A(R, "en", "How do I file a warranty claim for a leaking toner cartridge? Step by step please.", H, H4, ["New RMA", "within 2 working days", "Close the RMA"])
A(R, "en", "What's the process for getting a demo machine out to a prospect?", E, E5, ["Demo Request (form DF-03)", "approves or rejects", "Demo Loan Agreement (DF-05)"])
A(R, "zh", "给客户申请信用额度，流程是怎样的？", C, C3, ["《客户信用申请表》", "区域销售经理初审", "在ERP系统中设置额度和账期"])
A(R, "zh", "客户回款逾期了，按逾期天数分别要怎么处理？", C, C6, ["每周至少联系客户一次", "法务部出具律师函", "移交法务部"])
A(R, "zh", "借演示机给客户，具体要走哪几步？", E, E5, ["Demo Pool calendar", "within 1 working day", "Demo Delivery Note (DF-04)"])
A(R, "zh", "MPS合同从起草到签字要经过哪些步骤？", D, D53, ["MPS-T03", "within 1 working day", "original contract"])

# ---------------- near_miss (not covered) ----------------
N = "near_miss"
U(N, "en", "What's the large-account price of the yellow toner for the MD-C6030dn?")
U(N, "en", "How long can a dealer keep a unit under the Dealer Demo Programme?")
U(N, "en", "How many devices can a single FleetWatch agent PC monitor at most?")
U(N, "en", "What commission do reps earn on annual maintenance contracts?")
U(N, "en", "What will the MD-P2200 cost in the Q4 2025 price list?")
U(N, "en", "How many days of annual leave does a sales rep get?")
U(N, "en", "What's the early termination fee if an MPS customer cancels before the 36 months are up?")
U(N, "zh", "MD-MC7560 给经销商的年度返点是多少？")
U(N, "zh", "出差住酒店每晚的报销标准是多少钱？")
U(N, "zh", "经销商的信用额度最高能给多少？")
U(N, "zh", "我们卖的喷墨打印机有哪些型号？价格多少？")
U(N, "zh", "年度销售冠军奖金是多少钱？")
U(N, "zh", "客户要开增值税专票，开票信息模板在哪里下载？")
U(N, "zh", "2025年第四季度的价目表什么时候发布？")

# ---------------- off_topic ----------------
O = "off_topic"
U(O, "en", "What's the weather going to be like in Shanghai tomorrow?")
U(O, "en", "Can you recommend a nice restaurant near West Lake for a client dinner?")
U(O, "en", "How do I reset my Windows password on my laptop?")
U(O, "zh", "帮我写一首关于秋天的诗吧")
U(O, "zh", "今天A股大盘行情怎么样？")
U(O, "zh", "杭州到宁波的高铁票多少钱？")

# ---------------- boilerplate (page / site chrome; must be refused) ----------------
U(N, "zh", "下载券扣了但文件打不开，能退下载券吗？", True)
U(N, "zh", "文档汇的客服热线是多少？", True)
U(N, "zh", "VIP年卡现在多少钱？", True)
U(N, "zh", "评论区里说我们提成比别家低的那个网友叫什么？", True)
U(N, "en", "How do I get rid of the cookie banner on the consumables returns page?", True)
U(N, "en", "What's on the canteen menu today?", True)
U(N, "en", "Which team-building destination is winning the summer poll?", True)
U(N, "en", "What did Zhou Jie say in the comments on the consumables returns page?", True)

# ---------------- checks ----------------
import importlib.util
spec = importlib.util.spec_from_file_location("v", os.path.join(HERE, "validate.py"))
src = open(os.path.join(HERE, "validate.py"), encoding="utf-8").read().split("texts = {n")[0]
ns = {"__file__": os.path.join(HERE, "validate.py")}
exec(src, ns)
texts = {n: ns["text_of"](n) for n in os.listdir(os.path.join(ROOT, "kb"))}
problems = []
for i, r in enumerate(Q, 1):
    if r["answerable"]:
        if not 1 <= len(r["facts"]) <= 3: problems.append((i, "n facts"))
        for f in r["facts"]:
            if not 4 <= len(f) <= 30: problems.append((i, "len", f))
            if f not in texts[r["source"]]: problems.append((i, "missing", f))
        if r["section"] not in texts[r["source"]]: problems.append((i, "section", r["section"]))
qs = [r["q"] for r in Q]
assert len(set(qs)) == len(qs), "duplicate questions"
print("problems:", problems)
print(len(Q), collections.Counter((r["kind"], r["lang"]) for r in Q))
with open(os.path.join(ROOT, "questions.jsonl"), "w", encoding="utf-8") as f:
    for r in Q:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
