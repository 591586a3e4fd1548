#!/usr/bin/env python3
"""Generate six messy real-world documents for Zhuoyin Additive Manufacturing (fictional)."""
import os
from docx import Document
from docx.shared import Pt
from fpdf import FPDF

BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(BASE, "kb")
os.makedirs(KB, exist_ok=True)
for f in os.listdir(KB):
    os.remove(os.path.join(KB, f))
ZH_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
EN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
EN_FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# ---------------------------------------------------------------- 1. wenku txt
DOC1 = """文库666 - 海量文档免费分享平台  www.wenku666.com
首页 | 行业资料 | 教育专区 | 办公文档 | 企业管理 | 范文大全 | 会员中心 | 上传赚钱 | 登录 / 注册
当前位置：文库666 > 企业管理 > 岗位职责 > 销售工程师岗位职责（卓印增材）
本文档由用户上传，仅供学习交流使用，如有侵权请联系平台删除。
【VIP专享】VIP会员可免费下载本文档，非会员下载需消耗 15 积分。开通VIP仅需 ¥29.9/月，年卡 ¥198，新用户首月 ¥9.9！
文库666客服热线：400-886-6660（工作日 9:00-21:00）  官方QQ交流群：736582019  微信客服：wenku666kf
浏览：12,487次  |  点赞：326  |  收藏：89  |  上传时间：2024-03-18  |  共6页  |  文档格式：DOC
------------------------------------------------------------------------------
卓印增材制造科技有限公司
销售工程师岗位职责手册（2024年版）
文件编号：ZY-HR-SE-2024-02    编制：人力资源部、销售中心    批准：总经理
一、岗位概述
（一）岗位定位
1. 销售工程师隶属于销售中心，直接向所在大区的区域销售经理汇报，负责工业级树脂打印机（ZY-R系列）、金属打印机（ZY-M系列）、牙科打印机（ZY-D系列）及配套材料、打印服务在责任区域内的销售工作。
2. 销售工程师的主要客户类型为制造工厂、牙科技工所（含口腔诊所）和职业院校/高校三类。
3. 每名销售工程师原则上负责1个地级市或不超过3个县级区域，责任区域由区域销售经理每年1月统一划分。
（二）任职要求
1. 本科及以上学历，机械、材料、自动化、口腔医学技术等理工科专业优先。
2. 具有2年以上工业设备、数控机床或3D打印行业销售经验；应届生须通过为期6个月的管培生轮岗后方可独立上岗。
3. 持有C1及以上驾驶证，能接受每月出差不少于10天。
4. 入职3个月内须通过公司产品知识认证考试（满分100分，80分及格），未通过者可补考一次，补考仍未通过的不予转正。
二、主要职责
（一）客户开发
1. 每月新增有效潜在客户不少于15家，其中工厂类客户不少于8家。
2. 每周拜访客户不少于6次（含线上演示），拜访结束后24小时内在CRM系统录入拜访记录。
3. 参加公司组织的行业展会，每次展会收集有效线索不少于40条，展会结束后3个工作日内完成线索分级及首次回访。
4. 同一客户被两名销售工程师同时跟进时，以CRM中先报备且有拜访记录者为准，报备保护期为60天。
（二）客户维护
1. A类客户（年采购额≥¥100万）每月至少电话回访1次，每季度至少上门拜访1次。
2. B类客户（年采购额¥20万至¥100万）每季度至少回访1次；C类客户每半年至少回访1次。
3. 接到客户投诉须在2小时内响应，并同步抄送售后服务部，重大投诉（涉及设备停机超过48小时或金额超过¥5万）须当日上报区域销售经理。
4. 设备交付满12个月前30天，须主动向客户推荐延保服务合同。
（三）技术支持与方案
1. 负责为客户安排免费打样服务，单个客户免费打样不超过3次，单次材料成本不超过¥2,000；超出部分须经区域销售经理审批。
2. 金属打印机（ZY-M系列）的销售方案须会同应用工程师进行技术评审，评审通过后方可报价。
3. 牙科客户须演示完整的数字化流程（口扫数据导入—排版—打印—后处理），演示时长不少于90分钟。
4. 院校客户的方案须包含配套课程包及师资培训安排。
（四）报价与合同
1. 报价单须使用CRM系统统一模板生成，报价有效期为30天。
2. 折扣权限：销售工程师可直接给予不超过标价5%的折扣；5%（不含）至10%由区域销售经理审批；10%（不含）至15%由销售总监审批；超过15%须报副总经理（分管营销）审批。
3. 合同签订前须在CRM发起合同评审，评审时限为2个工作日；金额超过¥200万的合同须同时经财务总监会签。
4. 严禁向客户承诺合同以外的赠品、返点或交货期。
（五）回款管理
1. 回款是销售工程师的第一责任，合同约定的每笔款项到期前7天须提醒客户付款。
2. 款项逾期超过30天的，销售工程师须提交书面催收计划；逾期超过90天的，移交法务部处理，相应提成暂停发放。
三、工作流程
（一）商机推进流程
1. 线索登记：在CRM中登记线索，填写客户类型、行业、预计采购时间及预算。
2. 需求调研：48小时内完成首次电话沟通，确认打印材料、零件尺寸及年产量需求。
3. 方案演示：安排到公司展厅或线上演示，必要时提供免费打样。
4. 正式报价：按折扣权限出具报价单，超权限折扣须先审批再报价。
5. 合同评审：在CRM发起合同评审，法务部、财务部在2个工作日内给出意见。
6. 签约及预付款：合同盖章后跟进客户支付预付款（设备类一般为30%）。
7. 交付移交：预付款到账后提交发货申请，并将客户资料移交售后服务部安排安装培训。
（二）免费打样申请流程
1. 销售工程师在CRM提交打样申请，附客户三维模型文件（STL或STEP格式）。
2. 应用工程师在1个工作日内评估可打印性并确认材料。
3. 打样中心排产，树脂件一般3个工作日内完成，金属件一般7个工作日内完成（含热处理）。
4. 样件由销售工程师当面交付客户，并在CRM中记录客户反馈。
四、考核与激励
（一）考核指标
1. 月度考核指标及权重：销售额完成率60%，回款率20%，客户满意度10%，CRM数据完整性10%。
2. 连续两个季度销售额完成率低于50%的，调整岗位或进入绩效改进计划（PIP），改进期为60天。
（二）提成标准
1. 设备销售提成为回款金额的1.5%，材料（耗材）销售提成为3%，打印服务提成为2%。
2. 季度回款率低于85%时，当季提成按70%发放。
3. 成交价低于标价10%以上的订单，提成比例减半计算。
（三）奖励
1. 季度销售额达到目标120%以上的，额外奖励¥8,000。
2. 年度销冠（全国第一名）奖励¥30,000及海外考察名额1个。
五、行为规范
（一）差旅与费用
1. 出差住宿标准：一线城市每晚不超过¥450，其他城市每晚不超过¥320；每日餐补¥100。
2. 客户招待费单次超过¥1,500须事先在OA提交申请，经区域销售经理批准。
3. 差旅报销单须在出差结束后10个工作日内提交，逾期不予报销。
（二）廉洁合规
1. 严禁向客户采购人员支付回扣或提供任何形式的不正当利益。
2. 收受客户或供应商礼品价值超过¥200的，须在3个工作日内向合规部申报并上交。
3. 违规行为举报邮箱：compliance@zhuoyin3d.com，举报电话：0755-8627-3315。
（三）信息保密
1. 客户资料、价格表及代理商政策属于公司机密，不得外传；离职时须交还全部资料并删除个人设备中的客户数据。
2. 离职后12个月内不得带走或私下联系在跟进的客户（竞业限制按劳动合同执行）。
六、附则
1. 本手册由人力资源部与销售中心共同解释。
2. 本手册自2024年4月1日起施行，原《销售工程师工作规范（2021版）》同时废止。
------------------------------------------------------------------------------
本文共6页，当前为全文预览。下载完整文档请点击【立即下载】  （VIP免积分）
评论（23） | 我要评论 | 举报
网友 shuangyu_88：很有参考价值，谢谢分享！
网友 li***ng：格式有点乱，不过内容挺全。
相关推荐
· 销售经理岗位职责及考核办法.doc（下载 2,311 次）
· 医疗器械销售代表工作手册.pdf（下载 1,876 次）
· 3D打印行业市场分析报告2023.ppt（下载 954 次）
· 机械设备销售合同范本（通用版）.docx（下载 5,402 次）
· 大客户经理KPI考核表.xls（下载 3,127 次）
关于我们 | 联系我们 | 用户协议 | 隐私政策 | 侵权投诉 | 网站地图
©2015-2024 文库666 wenku666.com 版权所有  粤ICP备15063218号-3  本站文档均由用户上传，如侵犯您的权益请发送邮件至 report@wenku666.com
"""
with open(os.path.join(KB, "销售工程师岗位职责_wenku666.txt"), "w", encoding="utf-8") as f:
    f.write(DOC1)

# ---------------------------------------------------------------- 2. docx agent policy
doc = Document()
st = doc.styles["Normal"]
st.font.name = "SimSun"
st.font.size = Pt(11)

def P(t):
    doc.add_paragraph(t)  # all Normal style on purpose

def T(rows):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            t.cell(i, j).text = c

P("卓印增材制造科技有限公司")
P("代理商合作政策（2024年度）")
P("文件编号：ZY-CH-POL-2024-01        发布部门：渠道管理部        密级：合作伙伴内部")
P("")
P("第一部分  总则")
P("1. 目的与适用范围")
P("1.1 为规范卓印品牌代理商（以下简称“代理商”）的经营行为，保障代理商合理利润，维护统一的市场价格体系，特制定本政策。")
P("1.2 本政策适用于与公司签订《授权代理协议》的中国大陆地区代理商，港澳台及海外经销商另行约定。")
P("1.3 代理商可经营的产品包括：ZY-R系列树脂打印机、ZY-D系列牙科打印机、ZY-M系列金属打印机（限白金及金牌代理）、卓印品牌材料及配件。打印服务业务不在代理范围内。")
P("2. 代理商等级")
P("2.1 代理商分为白金代理、金牌代理和授权代理三个等级，各等级的年度任务额、保证金及主要权益见下表。")
T([
    ["等级", "年度任务额（含税）", "保证金", "设备拿货价", "区域保护"],
    ["白金代理", "¥800万及以上", "¥50万", "标价的68%", "地级市独家"],
    ["金牌代理", "¥300万及以上", "¥20万", "标价的72%", "指定行业独家"],
    ["授权代理", "¥100万及以上", "¥10万", "标价的78%", "无独家保护"],
])
P("2.2 新签约代理商首年一律按授权代理级别签约；次年根据上年度实际回款额重新评定等级。")
P("2.3 材料及配件拿货价统一为标价的65%，不区分代理等级。")
P("第二部分  价格与返利")
P("3. 价格体系")
P("3.1 代理商须执行公司统一发布的最低零售价（MAP），成交价低于MAP的，须事先通过合作伙伴门户提交特价申请，由渠道管理部在3个工作日内审批。")
P("3.2 未经批准低于MAP销售的，每台设备扣罚¥10,000，并计入年度违规记录。")
P("3.3 公司调整标价时提前15天书面通知代理商；通知前已下单并付清预付款的订单按原价执行。")
P("4. 返利政策")
P("4.1 返利按季度计算，以代理商当季设备回款额为基数，返利比例按季度任务完成率对应下表档位执行（不累进）。")
T([
    ["季度任务完成率", "返利比例", "备注"],
    ["低于80%", "0%", "不享受返利"],
    ["80%（含）至100%", "1%", "—"],
    ["100%（含）至120%", "3%", "—"],
    ["120%（含）至150%", "4.5%", "—"],
    ["150%及以上", "6%", "须当季无窜货记录"],
])
P("4.2 返利以货款抵扣形式发放，不兑付现金，须在次季度结束前使用完毕，逾期作废。")
P("4.3 年度额外奖励：完成年度任务额且年度回款率达到100%的，额外给予年度净回款额2%的年度奖励，于次年3月31日前核发。")
P("4.4 材料及配件销售不计入返利基数，但计入年度任务额。")
P("第三部分  市场管理")
P("5. 项目报备与区域保护")
P("5.1 代理商应在首次拜访客户后7日内通过合作伙伴门户进行项目报备，报备有效期为90天，到期前可申请延期一次，延期30天。")
P("5.2 同一项目多家代理商报备的，以报备时间在先且有有效拜访记录者为准；公司直销团队已报备的大客户（年采购额¥500万以上）不接受代理商报备。")
P("6. 窜货处理")
P("6.1 代理商不得向其授权区域以外的客户销售设备。经查实窜货的，按以下标准处理：")
P("6.1.1 第一次：扣除当季返利的50%，并处罚款¥20,000；")
P("6.1.2 第二次：取消当年全部返利，并降低一个代理等级；")
P("6.1.3 第三次：终止代理协议，保证金不予退还。")
P("6.2 窜货投诉由渠道管理部受理，自受理之日起10个工作日内出具调查结论。")
P("7. 市场支持")
P("7.1 市场发展基金（MDF）按代理商上年度采购额的1.5%计提，用于展会、研讨会及广告投放，须提前30天提交活动申请。")
P("7.2 代理商参加行业展会的，公司承担展位费用的50%，单次最高¥30,000，每年最多支持4次。")
P("7.3 演示样机：白金代理可申请2台演示样机，金牌代理可申请1台，授权代理不提供样机。样机按标价的50%购入，须在展厅陈列满12个月后方可销售。")
P("第四部分  技术与服务")
P("8. 培训与认证")
P("8.1 每家代理商须至少配备2名通过公司认证的服务工程师；经营金属打印机的，须另配1名金属设备认证工程师。")
P("8.2 认证培训在深圳总部举行，树脂设备认证为期5天，金属设备认证为期10天；培训费每人¥3,500（白金代理免费），差旅费用由代理商自理。")
P("8.3 认证有效期为2年，到期须参加复训考核。")
P("9. 售后服务分工")
P("9.1 一级服务（安装调试、操作培训、日常故障排除）由代理商负责，须在接到报修后4小时内响应，24小时内到场。")
P("9.2 二级服务（核心部件更换、激光器维修、软件升级）由公司售后服务部负责，代理商配合。")
P("9.3 代理商承担保修期内一级服务的，公司按每台设备每年¥2,400的标准支付服务补贴。")
P("第五部分  订单与结算")
P("10. 下单与付款")
P("10.1 设备订单须在下单时预付30%货款，发货前付清余款。")
P("10.2 白金代理可申请60天账期，信用额度不超过¥200万；金牌代理可申请30天账期，信用额度不超过¥80万；授权代理一律款到发货。")
P("10.3 材料及配件订单一律款到发货，单笔订单金额不低于¥5,000。")
P("10.4 标准交货期：树脂及牙科设备在付清货款后10个工作日内发货，金属设备在45个工作日内发货。")
P("11. 考核与退出")
P("11.1 连续两个季度任务完成率低于60%的，降低一个代理等级；年度任务完成率低于50%的，协议到期后不予续约。")
P("11.2 协议终止后，公司在90天内无息退还保证金，但应扣除代理商未结清的款项及罚款。")
P("11.3 代理商转让、合并或变更实际控制人的，须提前60天书面通知公司，否则公司有权解除协议。")
P("第六部分  附则")
P("12. 其他")
P("12.1 本政策自2024年1月1日起执行，有效期至2024年12月31日。")
P("12.2 本政策由渠道管理部负责解释。渠道管理部联系电话：0755-8627-3360，邮箱：channel@zhuoyin3d.com。")
P("12.3 本政策与《授权代理协议》不一致的，以《授权代理协议》为准。")
doc.save(os.path.join(KB, "卓印代理商合作政策2024.docx"))

# ---------------------------------------------------------------- 3. English price list PDF
class EnPDF(FPDF):
    def header(self):
        self.set_font("DV", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Zhuoyin Additive Manufacturing Co., Ltd.", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 5, "International Price List  |  Doc. No. ZY-IPL-2024-03 Rev.B", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("DV", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Confidential - for authorised customers and partners only", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)

pdf = EnPDF(format="A4")
pdf.add_font("DV", "", EN_FONT)
pdf.add_font("DV", "B", EN_FONT_B)
pdf.alias_nb_pages()
pdf.set_auto_page_break(True, margin=20)

def H(t):
    pdf.ln(2)
    pdf.set_font("DV", "B", 12)
    pdf.multi_cell(0, 7, t, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DV", "", 10)

def TX(t):
    pdf.set_font("DV", "", 10)
    pdf.multi_cell(0, 5.5, t, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)

def TABLE(rows, widths, size=8):
    pdf.set_font("DV", "B", size)
    lh = 5
    for i, r in enumerate(rows):
        pdf.set_font("DV", "B" if i == 0 else "", size)
        # compute row height
        nlines = max(len(pdf.multi_cell(w, lh, c, dry_run=True, output="LINES")) for w, c in zip(widths, r))
        h = nlines * lh
        if pdf.get_y() + h > pdf.h - 22:
            pdf.add_page()
        x0, y0 = pdf.get_x(), pdf.get_y()
        x = x0
        for w, c in zip(widths, r):
            pdf.rect(x, y0, w, h)
            pdf.set_xy(x, y0)
            pdf.multi_cell(w, lh, c, border=0)
            x += w
        pdf.set_xy(x0, y0 + h)
    pdf.ln(3)
    pdf.set_font("DV", "", 10)

pdf.add_page()
pdf.set_font("DV", "B", 18)
pdf.multi_cell(0, 10, "International Price List & Product Catalogue 2024", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("DV", "", 10)
TX("Effective date: 1 March 2024. This edition supersedes ZY-IPL-2023-09 Rev.A. Issued by: International Sales Department, Shenzhen headquarters.")
H("1. Scope and Validity")
TX("1.1 This price list applies to customers and distributors outside mainland China. Domestic (PRC) customers are quoted in RMB under a separate price list.")
TX("1.2 All prices are in US dollars (USD), Ex Works (EXW) Shenzhen, excluding import duties, local taxes, freight and insurance.")
TX("1.3 Prices are valid from 1 March 2024 until 30 June 2024. Quotations issued on the basis of this list remain valid for 30 days from the quotation date.")
TX("1.4 Zhuoyin reserves the right to change specifications without notice. Orders confirmed in writing before a price change will be honoured at the confirmed price.")
H("2. Product Families at a Glance")
TX("ZY-R series: stereolithography (SLA) resin printers for prototyping, jigs and fixtures in factories.")
TX("ZY-D series: DLP resin printers for dental labs (models, surgical guides, temporary crowns, castable patterns).")
TX("ZY-R120 Edu: a compact SLA printer for schools and universities, sold with a teaching curriculum pack.")
TX("ZY-M series: selective laser melting (SLM) metal printers for production parts, tooling inserts and medical implants.")
H("3. Printer Models and Prices")
TX("Table 1 lists the standard configurations. Layer thickness is the adjustable range. Lead time is counted from receipt of down payment.")
TABLE([
    ["Model", "Technology", "Build volume (mm)", "Layer thickness (μm)", "Laser power (W)", "Price (USD)", "Lead time"],
    ["ZY-R120 Edu", "SLA resin", "120 x 120 x 150", "50 - 100", "0.25", "4,900", "2 weeks"],
    ["ZY-R200", "SLA resin", "200 x 200 x 250", "25 - 100", "0.5", "18,900", "3 weeks"],
    ["ZY-R450", "SLA resin", "450 x 450 x 400", "50 - 150", "2", "46,500", "4 weeks"],
    ["ZY-D120", "DLP resin (dental)", "120 x 68 x 150", "25 - 100", "n/a (LED 405 nm)", "7,800", "2 weeks"],
    ["ZY-M150", "SLM metal", "150 x 150 x 200", "20 - 60", "1 x 300", "128,000", "8 weeks"],
    ["ZY-M280", "SLM metal", "280 x 280 x 350", "30 - 90", "2 x 500", "265,000", "10 weeks"],
    ["ZY-M400", "SLM metal", "400 x 400 x 450", "30 - 120", "4 x 500", "498,000", "14 weeks"],
], [24, 27, 30, 25, 26, 22, 22])
TX("3.1 All ZY-M models include the ZY-Build slicing software licence (2 seats), an inert gas (argon) circulation and filtration unit, and one starter build plate.")
TX("3.2 ZY-R and ZY-D models include the ZY-Prep software (unlimited seats), one resin tank and one build platform. The ZY-R120 Edu includes a curriculum pack of 12 lesson plans.")
TX("3.3 The ZY-M400 requires a 380 V three-phase power supply rated at 63 A; the ZY-M150 and ZY-M280 require 380 V three-phase at 32 A.")
pdf.add_page()
H("4. Materials")
TX("Resins are sold in 1 L bottles; metal powders are sold in sealed drums of 10 kg (minimum order: one drum). Only Zhuoyin-certified materials are covered by the printer warranty.")
TABLE([
    ["Code", "Material", "Pack", "Compatible printers", "Price (USD)"],
    ["RS-GR01", "Standard Grey resin", "1 L", "ZY-R series, R120 Edu", "95 per litre"],
    ["RS-TF02", "Tough ABS-like resin", "1 L", "ZY-R series", "128 per litre"],
    ["RS-DM03", "Dental Model resin", "1 L", "ZY-D120", "145 per litre"],
    ["RS-CW04", "Castable Wax resin", "1 L", "ZY-D120, ZY-R200", "210 per litre"],
    ["MP-316L", "316L stainless steel powder", "10 kg drum", "ZY-M series", "85 per kg"],
    ["MP-AL10", "AlSi10Mg aluminium powder", "10 kg drum", "ZY-M series", "120 per kg"],
    ["MP-IN718", "Inconel 718 powder", "10 kg drum", "ZY-M280, ZY-M400", "260 per kg"],
    ["MP-TI64", "Ti6Al4V titanium powder", "10 kg drum", "ZY-M series", "390 per kg"],
], [24, 52, 24, 50, 30])
H("5. Options and Services")
TABLE([
    ["Item", "Description", "Price (USD)"],
    ["OPT-SV1", "Powder sieving and recovery station (metal)", "14,800"],
    ["OPT-WC2", "Wash & cure station for resin parts", "2,350"],
    ["OPT-HT3", "Vacuum heat-treatment furnace, 300 x 300 x 400 mm", "36,000"],
    ["SVC-INS-M", "On-site installation and 3-day operator training, metal printers (outside China)", "6,500 per site"],
    ["SVC-INS-R", "On-site installation and training, resin printers", "Included (remote) / 1,200 on-site"],
    ["SVC-EXT", "Extended warranty, per additional year", "8% of printer list price"],
    ["SVC-PRT", "Print-on-demand service, resin parts", "0.35 per cm³"],
    ["SVC-PRT-M", "Print-on-demand service, metal parts (minimum order USD 150)", "3.20 per cm³"],
], [30, 105, 45])
pdf.add_page()
H("6. Discounts")
TX("6.1 Volume discount on printers ordered on a single purchase order: 2 to 4 units 3%; 5 units or more 6%.")
TX("6.2 Education discount: accredited schools and universities receive 10% off ZY-R series printers and the ZY-R120 Edu. The education discount cannot be combined with volume discounts.")
TX("6.3 Trade-in programme: customers replacing a competitor's SLA printer receive a credit of USD 1,500 against a ZY-R450 purchase until 30 June 2024.")
TX("6.4 Distributor pricing is governed by the individual distribution agreement and is not shown in this list.")
H("7. Payment Terms")
TX("7.1 Standard terms: 30% down payment by T/T with the order, 70% balance by T/T before shipment.")
TX("7.2 For orders above USD 100,000, an irrevocable letter of credit (L/C) at sight issued by a first-class bank is accepted.")
TX("7.3 Materials and spare parts: 100% payment in advance.")
TX("7.4 Bank charges outside China are borne by the buyer.")
H("8. Delivery and Shipping")
TX("8.1 Standard delivery term is EXW Shenzhen. FOB Shenzhen can be quoted with a surcharge of 1.5% of the order value. CIF and DAP are quoted on request.")
TX("8.2 Metal printers are shipped in fumigation-free wooden crates with shock indicators; the crated ZY-M400 weighs approximately 3,200 kg.")
TX("8.3 Lead times in Table 1 are counted from receipt of the down payment and may be extended by up to 2 weeks during the Chinese New Year period.")
H("9. Warranty Summary")
TX("9.1 Printers carry a warranty of 12 months from installation or 15 months from shipment, whichever comes first.")
TX("9.2 Laser sources on ZY-M and ZY-R printers are covered for 24 months. Consumable parts (resin tanks, recoater blades, filters) are covered for 3 months.")
TX("9.3 Remote technical support is available 24/7 by e-mail and video call; on-site response outside China is typically within 5 working days, subject to visa requirements.")
H("10. Contacts")
TX("International Sales: intl.sales@zhuoyin3d.com, Tel. +86 755 8627 3388 (Mon-Fri, 09:00-18:00 China Standard Time).")
TX("Technical enquiries: Application Engineering, apps@zhuoyin3d.com.")
TX("Address: Building 7, Guangming Science Park, Guangming District, Shenzhen 518107, China.")
pdf.output(os.path.join(KB, "Zhuoyin_International_Price_List_2024.pdf"))

# ---------------------------------------------------------------- 4. Chinese warranty PDF
class ZhPDF(FPDF):
    def header(self):
        self.set_font("ZH", "", 8)
        self.set_text_color(100, 100, 100)
        self.cell(0, 5, "卓印增材制造科技有限公司    保修及售后服务说明    文件编号：ZY-CS-WS-2024-01", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("ZH", "", 8)
        self.set_text_color(100, 100, 100)
        self.cell(0, 5, f"第{self.page_no()}页 共{{nb}}页    客户服务部发布    受控文件 请勿私自修改", align="C")
        self.set_text_color(0, 0, 0)

z = ZhPDF(format="A4")
z.add_font("ZH", "", ZH_FONT)
z.alias_nb_pages()
z.set_auto_page_break(True, margin=20)
z.add_page()

def ZH(t):
    z.ln(2)
    z.set_font("ZH", "", 13)
    z.multi_cell(0, 8, t, new_x="LMARGIN", new_y="NEXT")

def ZT(t):
    z.set_font("ZH", "", 10.5)
    z.multi_cell(0, 6, t, new_x="LMARGIN", new_y="NEXT")
    z.ln(0.5)

z.set_font("ZH", "", 17)
z.multi_cell(0, 10, "卓印增材产品保修及售后服务说明", align="C", new_x="LMARGIN", new_y="NEXT")
z.set_font("ZH", "", 10)
z.multi_cell(0, 6, "版本：2024年第1版    生效日期：2024年1月1日", align="C", new_x="LMARGIN", new_y="NEXT")
z.ln(3)
ZH("一、适用范围")
ZT("1.1 本说明适用于2024年1月1日及以后在中国大陆地区销售并完成安装的卓印品牌设备，包括ZY-R系列、ZY-D系列、ZY-M系列及ZY-R120 Edu教育机型。")
ZT("1.2 海外客户的保修条款以《国际价格表》及销售合同为准。")
ZT("1.3 通过代理商购买的设备同样适用本说明，一级服务由代理商提供。")
ZH("二、保修期限")
ZT("2.1 整机保修期为12个月，自《安装验收单》签署之日起计算；如设备发货后未能安装，保修期自发货之日起最长不超过15个月。")
ZT("2.2 激光器（含振镜）保修期为24个月或累计出光8000小时，以先到者为准。")
ZT("2.3 牙科机型ZY-D120整机保修期为18个月。")
ZT("2.4 教育机型ZY-R120 Edu整机保修期为24个月，仅限学校及教育机构用户。")
ZT("2.5 树脂槽（离型膜）、刮刀、过滤器滤芯、成型基板等易损件保修期为3个月。")
ZT("2.6 保修期内更换的零部件，其保修期随整机剩余保修期计算，剩余不足90天的按90天计算。")
ZH("三、不属于保修范围的情形")
ZT("3.1 使用非卓印认证的树脂或金属粉末造成的损坏。")
ZT("3.2 未经公司书面授权自行拆机、改装或更换零件。")
ZT("3.3 供电电压超出额定电压±10%，或未按要求配置稳压电源及接地造成的损坏。")
ZT("3.4 运输、搬运过程中的跌落、碰撞（由客户自行安排运输的），以及火灾、水灾、地震等不可抗力。")
ZT("3.5 金属打印机未按要求使用纯度不低于99.99%的氩气，导致的光路污染或零件氧化。")
ZT("3.6 超出保修期限，或无法提供设备序列号及有效购买凭证的。")
ZH("四、服务响应时效")
ZT("4.1 全国统一售后服务热线：400-830-7788（7×24小时），也可通过“卓印服务”微信小程序在线报修。")
ZT("4.2 接到报修后2小时内由技术工程师进行远程诊断。")
ZT("4.3 需要现场服务的：深圳、东莞、广州地区48小时内到场；其他省会城市及直辖市72小时内到场；其他地区5个工作日内到场。")
ZT("4.4 金属打印机因故障停机的，公司承诺在到场后72小时内恢复运行；需更换激光器等核心部件的，恢复时间不超过10个工作日。")
ZT("4.5 春节假期（除夕至正月初六）期间仅提供远程支持，现场服务顺延。")
ZH("五、报修及维修流程")
ZT("1. 客户拨打服务热线或通过微信小程序报修，提供设备序列号、故障现象及照片或视频。")
ZT("2. 技术工程师在2小时内远程诊断，能远程解决的当场解决。")
ZT("3. 需要现场处理的，由服务调度中心派工并告知客户预计到场时间。")
ZT("4. 工程师到场维修，完成后出具《服务报告》，由客户签字确认。")
ZT("5. 客户服务部在维修完成后48小时内进行电话回访，记录满意度评分。")
ZH("六、延保及服务合同")
ZT("6.1 银卡延保：每年费用为设备标价的6%，包含保修范围内的零件及人工。")
ZT("6.2 金卡延保：每年费用为设备标价的9%，在银卡内容基础上每年增加两次预防性维护和一次激光器功率校准。")
ZT("6.3 延保须在原保修期届满前30天内购买，一次最多购买3年；保修期满后再购买的，须先进行付费检测（检测费¥2,000）。")
ZH("七、保外维修收费标准")
ZT("7.1 上门服务费：省内每次¥800；省外每次¥1,500，另加实际差旅费。")
ZT("7.2 工时费：每小时¥450，不足1小时按1小时计算。")
ZT("7.3 配件费用按公司当期配件价目表执行；更换的维修配件享有90天保修。")
ZT("7.4 保外维修须客户先确认报价单，维修完成后15天内付清费用。")
ZH("八、备件供应")
ZT("8.1 设备停产后，公司保证继续供应维修备件7年。")
ZT("8.2 常用备件（刮刀、离型膜、滤芯）在深圳中心仓库备货，下单后2个工作日内发出。")
ZH("九、退换货")
ZT("9.1 设备到货之日起7日内发现非人为原因的质量问题，经公司确认后可换货。")
ZT("9.2 未开封的材料自到货之日起30天内可申请退货，收取货值10%的手续费；已开封的树脂及金属粉末一律不予退货。")
ZT("9.3 定制配件及打印服务成品不适用退换货。")
ZH("十、投诉与监督")
ZT("10.1 客户对服务不满意的，可致电服务热线转投诉专席，或发送邮件至service@zhuoyin3d.com。")
ZT("10.2 客户服务部在收到投诉后5个工作日内给予书面答复；对答复仍不满意的，可申请由客户服务总监复核。")
ZT("10.3 本说明由客户服务部负责解释。")
z.output(os.path.join(KB, "卓印保修及售后服务说明.pdf"))

# ---------------------------------------------------------------- 5. HTML intranet
HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Customer Onboarding: Installation &amp; Training Procedure | Zhuoyin Connect</title>
<style>
body{font-family:Arial,sans-serif;margin:0;color:#222}
#cookie{position:fixed;bottom:0;background:#333;color:#fff;padding:10px;width:100%}
nav.top a{margin-right:14px}
aside{float:right;width:240px;background:#f4f4f4;padding:10px}
main{margin-right:270px;padding:16px}
</style>
<script>
function acceptCookies(){document.getElementById('cookie').style.display='none';}
var _analytics = {site:'connect.zhuoyin.local', tracker:'ZC-INTRA-01'};
</script>
</head>
<body>
<div id="cookie" class="cookie-banner">
  <p>Zhuoyin Connect uses cookies to remember your login and preferences. Analytics cookies are kept for 180 days. By continuing to browse you agree to our <a href="/policies/cookies">Cookie Policy</a>.
  <button onclick="acceptCookies()">Accept all</button> <button>Manage preferences</button></p>
</div>
<header>
  <div class="logo">Zhuoyin Connect &mdash; Employee Intranet</div>
  <nav class="top">
    <a href="/">Home</a> <a href="/news">News</a> <a href="/sales">Sales</a> <a href="/service">Service</a>
    <a href="/hr">HR &amp; Benefits</a> <a href="/it">IT Helpdesk</a> <a href="/kb">Knowledge Base</a>
    <form class="search"><input type="text" placeholder="Search Connect..."><button>Search</button></form>
    <span class="user">Logged in as: guest_sales | <a href="/logout">Log out</a></span>
  </nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/service">Service</a> &gt; <a href="/service/sop">SOPs</a> &gt; Customer Onboarding</div>
<aside>
  <h3>Related links</h3>
  <ul>
    <li><a href="/kb/site-readiness-checklist.pdf">Site Readiness Checklist (PDF)</a></li>
    <li><a href="/kb/training-signoff">Training Sign-off Form</a></li>
    <li><a href="/service/calendar">Installation Scheduling Calendar</a></li>
    <li><a href="/kb/warranty">Warranty &amp; After-sales Notice</a></li>
    <li><a href="/sales/crm">CRM Login</a></li>
  </ul>
  <h3>Most viewed this week</h3>
  <ul>
    <li><a href="/hr/holiday-2024">2024 Holiday Calendar</a></li>
    <li><a href="/it/vpn">How to connect to the VPN</a></li>
    <li><a href="/news/canteen">New canteen menu (Building 7)</a></li>
  </ul>
</aside>
<main>
<h1>Customer Onboarding: Installation and Training Procedure</h1>
<p class="meta">SOP No. ZY-SOP-CS-014 &middot; Version 3.2 &middot; Owner: Customer Service Department &middot; Last updated: 12 April 2024 &middot; Approved by: Director of Customer Service</p>

<h2>1. Purpose and Scope</h2>
<p>This procedure describes how a new customer is taken from signed contract to productive use of a Zhuoyin printer. It applies to all ZY-R, ZY-D and ZY-M printers sold directly by Zhuoyin in mainland China. Printers sold through agents follow the same steps, but Level 1 installation is carried out by the agent's certified engineer.</p>
<p>The target is that 95% of installations are completed within 10 working days after the printer arrives at the customer site.</p>

<h2>2. Roles and Responsibilities</h2>
<ul>
<li><b>Sales engineer</b>: hands over the customer file within 2 working days after the down payment is received, and remains the customer's main contact until acceptance.</li>
<li><b>Service coordinator</b>: schedules the site survey, delivery and installation, and books the training.</li>
<li><b>Field service engineer (FSE)</b>: performs installation, commissioning and Level 1 operator training.</li>
<li><b>Application engineer</b>: supports the first production job for metal printers and dental workflows.</li>
</ul>

<h2>3. Pre-installation: Site Readiness</h2>
<ol>
<li>The sales engineer sends the Site Readiness Checklist to the customer within 2 working days after contract signing.</li>
<li>The customer returns the completed checklist at least 10 working days before the planned delivery date.</li>
<li>For resin printers the room must be kept at 20-26 &deg;C with relative humidity below 60%, away from direct sunlight.</li>
<li>For metal printers the customer must provide 380 V three-phase power, an argon supply of 99.99% purity, a floor load capacity of at least 1,500 kg/m&sup2; and a door opening of at least 1.2 m wide.</li>
<li>A site survey by an FSE is mandatory for all ZY-M printers and optional for resin printers; the survey report is uploaded to CRM within 1 working day.</li>
<li>If the site is not ready, the service coordinator postpones delivery and informs the sales engineer; storage at the Zhuoyin warehouse is free for the first 30 days and costs ¥50 per day per crate afterwards.</li>
</ol>

<h2>4. Delivery and Unpacking</h2>
<ol>
<li>The service coordinator confirms the delivery date with the customer at least 3 working days in advance.</li>
<li>The customer inspects the crates and shock indicators on arrival; any damage must be photographed and reported within 24 hours.</li>
<li>Crates must not be opened by the customer; unpacking is done by the FSE on the installation day.</li>
<li>The FSE checks the packing list against the delivery note and records missing items in the installation report.</li>
</ol>

<h2>5. Installation and Commissioning</h2>
<ol>
<li>The FSE arrives on site within 5 working days after delivery (metal printers) or 3 working days (resin and dental printers).</li>
<li>Installation takes 1 day for resin and dental printers and 3 days for metal printers.</li>
<li>The FSE levels the printer, connects power and gas, installs the software and performs the laser/optical calibration.</li>
<li>The FSE prints the standard benchmark part (ZY-TP01 for resin, ZY-TP05 for metal) and measures it; dimensional deviation must be within &plusmn;0.1 mm for resin and &plusmn;0.05 mm for metal.</li>
<li>Results are recorded in the Installation Report and uploaded to CRM on the same day.</li>
</ol>

<h2>6. Customer Training</h2>
<ol>
<li>Level 1 operator training is delivered on site right after commissioning: 1 day for resin and dental printers, 3 days for metal printers.</li>
<li>Up to 4 trainees are included free of charge; each additional trainee costs ¥1,200 per person per day.</li>
<li>Dental labs receive an extra half-day module on the digital workflow (scan import, nesting, post-curing).</li>
<li>Schools receive the curriculum pack (12 lesson plans) and a 2-hour teacher briefing.</li>
<li>Each trainee must pass a practical test; the FSE records the result on the Training Sign-off Form.</li>
<li>Level 2 advanced training is held at the Zhuoyin Academy in Shenzhen, lasts 5 days and costs ¥6,800 per person.</li>
</ol>

<h2>7. Acceptance and Handover</h2>
<ol>
<li>After successful training the FSE presents the Installation Acceptance Certificate to the customer.</li>
<li>The customer signs the certificate within 5 working days; the warranty period starts on the date of signature.</li>
<li>If the customer does not sign within 15 days and gives no written reason, the installation is deemed accepted.</li>
<li>The sales engineer triggers the final payment invoice in CRM once acceptance is recorded.</li>
</ol>

<h2>8. Follow-up After Installation</h2>
<ol>
<li>The service coordinator makes a check-in call 30 days after acceptance.</li>
<li>For metal printers an FSE performs a free health-check visit 90 days after acceptance.</li>
<li>A customer satisfaction (NPS) survey is sent 60 days after acceptance; a score below 7 triggers a call from the Service Manager within 3 working days.</li>
</ol>

<h2>9. Escalation</h2>
<p>If installation is delayed by more than 5 working days beyond the plan, the service coordinator escalates to the regional Service Manager. Delays of more than 10 working days are escalated to the Director of Customer Service, who informs the Sales Director.</p>
<p>Questions about this SOP: Customer Service Department, ext. 6230, cs-sop@zhuoyin3d.com.</p>
</main>
<footer>
  <p>&copy; 2024 Zhuoyin Additive Manufacturing Co., Ltd. &mdash; Internal use only. Zhuoyin Connect v5.4</p>
  <p><a href="/policies/privacy">Privacy</a> | <a href="/policies/cookies">Cookies</a> | <a href="/it">IT Helpdesk ext. 6100</a> | <a href="/sitemap">Sitemap</a></p>
  <p>Page views: 1,284 &middot; Rated 4.6/5 by 37 colleagues</p>
</footer>
</body>
</html>
"""
with open(os.path.join(KB, "customer-onboarding-procedure.html"), "w", encoding="utf-8") as f:
    f.write(HTML)

# ---------------------------------------------------------------- 6. long Chinese contract/payment policy
DOC6 = """卓印增材制造科技有限公司
销售合同与回款管理制度
文件编号：ZY-FIN-SC-2024-05    版本：V3.0    发布日期：2024年2月20日    实施日期：2024年3月1日
编制部门：财务部、法务部    审核：财务总监    批准：总经理办公会

第一章 总则
第一条 为规范公司销售合同的订立、履行和回款管理，防范经营风险，确保公司资金安全，依据《中华人民共和国民法典》及公司内部控制制度，制定本制度。
第二条 本制度适用于公司及各分公司、办事处与客户订立的设备销售、材料销售、打印服务及技术服务合同。代理商采购订单另按《代理商合作政策》执行。
第三条 销售合同管理遵循“先评审、后签约；先收款、后发货；谁签约、谁回款”的原则。

第二章 职责分工
第四条 销售中心负责客户资信调查、合同谈判、合同起草及回款跟进，销售工程师为所签合同回款的第一责任人，区域销售经理为直接领导责任人。
第五条 法务部负责合同文本审核、非标准条款评审、合同纠纷及诉讼处理。
第六条 财务部负责合同付款条款审核、开具发票、应收账款对账及账龄分析，每月5日前向销售中心发布上月应收账款账龄表。
第七条 合规部负责对合同订立及回款过程进行监督检查，每半年开展一次专项抽查，抽查比例不低于合同总数的10%。

第三章 客户资信管理
第八条 新客户首次签订金额超过¥50万的合同前，销售工程师须完成客户资信调查，内容包括营业执照、注册资本、经营状况、涉诉及失信被执行记录。
第九条 客户资信等级分为A、B、C、D四级。A级客户可给予不超过90天的信用期；B级客户不超过60天；C级客户不超过30天；D级客户一律款到发货。
第十条 客户信用额度由财务部核定：单一客户信用额度不超过¥300万；超过¥300万的须经财务总监审批，超过¥800万的须经总经理审批。
第十一条 客户出现被列入失信被执行人名单、经营异常或逾期超过90天等情形的，财务部应在3个工作日内冻结其信用额度。

第四章 合同订立
第十二条 销售合同原则上使用公司法务部发布的标准合同文本（设备类合同文本编号ZY-LG-T01，材料类ZY-LG-T02，打印服务类ZY-LG-T03）。
第十三条 对标准文本作出实质性修改的，须经法务部审核。涉及以下非标准条款的，还须报财务总监审批：（一）预付款比例低于30%；（二）质保金比例高于10%或质保期超过24个月；（三）违约金上限超过合同总额的20%；（四）付款期限超过90天。
第十四条 合同评审在CRM系统中完成，评审时限为2个工作日；金额超过¥200万的合同须经财务总监会签，金额超过¥500万的合同须经总经理审批。
第十五条 合同须加盖公司合同专用章，严禁使用部门章或个人签字代替；合同专用章由法务部专人保管，用章须登记。
第十六条 严禁在合同签订前发货；确因客户紧急需要须先行发货的，须经销售总监和财务总监共同书面批准，且先行发货金额不得超过¥30万。
第十七条 合同签订后须在5个工作日内将原件交法务部归档，扫描件同步上传CRM。

第五章 付款条件
第十八条 设备销售合同的标准付款方式为：合同签订后7日内支付30%预付款；发货前支付60%；安装验收合格后30日内支付剩余10%。
第十九条 金属打印机（ZY-M系列）合同预付款比例不得低于40%。
第二十条 材料销售一律款到发货；年采购额超过¥50万的A级客户可申请月结，结算期不超过30天。
第二十一条 打印服务订单金额不超过¥1万的，须全款预付；超过¥1万的，可预付50%，交付时结清。
第二十二条 原则上不接受商业承兑汇票；接受银行承兑汇票的，剩余期限不得超过6个月，且须经财务部确认。
第二十三条 严禁销售人员以现金或个人账户代收客户货款，所有款项必须汇入合同载明的公司对公账户。违者一经查实，予以辞退并追究法律责任。

第六章 发货与开票
第二十四条 销售工程师在确认预付款到账后，方可在ERP中提交发货申请；财务部在1个工作日内完成到账核对。
第二十五条 增值税专用发票须在收到对应款项后开具，需提前开票的，须经财务经理审批，且提前开票金额计入销售工程师个人应收考核。
第二十六条 客户要求变更开票信息的，须提供盖章的书面申请；已开具的发票红冲须在开票当月内办理。

第七章 应收账款与催收
第二十七条 财务部每月与A级、B级客户对账一次，每季度与C级客户对账一次，对账单须经客户盖章确认。
第二十八条 应收账款逾期催收分级处理：（一）逾期1至30天，由销售工程师电话及书面催收；（二）逾期31至60天，由区域销售经理上门催收并发出《催款函》；（三）逾期61至90天，由销售总监约谈客户并暂停供货；（四）逾期超过90天，移交法务部，发出律师函，必要时提起诉讼或仲裁。
第二十九条 逾期款项按日万分之五向客户计收逾期付款违约金，具体以合同约定为准。
第三十条 应收账款核销坏账须满足逾期超过2年且已穷尽催收手段的条件，由财务部提出，经总经理办公会审议通过。

第八章 考核与奖惩
第三十一条 销售人员回款考核以实际到账日期为准。年度回款率达到98%以上的区域，给予区域团队奖励¥20,000。
第三十二条 因销售人员未按规定进行资信调查或违规发货造成坏账的，由责任销售工程师承担损失金额的10%，最高不超过¥5万；区域销售经理承担5%。
第三十三条 违反第二十三条规定或伪造合同、印章的，一律解除劳动合同；涉嫌犯罪的，移送司法机关处理。
第三十四条 任何员工均可向合规部举报违规行为。举报电话：0755-8627-3315，举报邮箱：compliance@zhuoyin3d.com。公司对举报人信息严格保密。

第九章 附则
第三十五条 合同及回款相关资料保存期限为合同履行完毕后10年。
第三十六条 本制度由财务部负责解释，自2024年3月1日起实施，原《销售合同管理办法（2020版）》同时废止。
"""
with open(os.path.join(KB, "销售合同与回款管理制度.txt"), "w", encoding="utf-8") as f:
    f.write(DOC6)
print("generated:", sorted(os.listdir(KB)))
