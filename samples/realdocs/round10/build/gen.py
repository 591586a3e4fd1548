#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the six messy held-out documents for Haoyun Cold-Chain (fictional)."""
import os
from docx import Document
from docx.shared import Pt
from docx.oxml.ns import qn
from fpdf import FPDF

BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(BASE, "kb")
FONT_ZH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
os.makedirs(KB, exist_ok=True)
for f in os.listdir(KB):
    os.remove(os.path.join(KB, f))

# ---------------------------------------------------------------- 1. WeChat repost
DOC1 = "冷链大客户经理岗位职责_转载.txt"
doc1_top = """冷链人说事
昊运冷链大客户经理岗位职责手册（全文）｜干货收藏
原创 冷链老兵阿杰 冷链人说事 2024-03-18 08:12 发表于上海
点击上方蓝字关注我们
▲ 每天一篇冷链干货，做懂行的冷链人
阅读 3268  |  收藏 211
—— 小编按：有粉丝私信想看看设备厂家的大客户岗位到底怎么管，今天转一份朋友圈流出的手册，供同行参考 ——
↓↓↓ 往下滑看全文 ↓↓↓
"""
doc1_body = """昊运冷链设备有限公司
大客户经理（KAM）岗位职责手册
文件编号：HY-HR-KA-2024-03　版本：V2.1　生效日期：2024年3月1日
一、岗位概述
（一）岗位定位
1. 大客户经理隶属于大客户事业部，直接向大客户事业部总监汇报，大区销售总监对其进行业务指导。
2. 负责年采购额在人民币300万元以上，或单次采购冷藏车机组20台以上的战略客户，以及年采购额人民币100万元至300万元的重点客户。
3. 典型客户包括全国性冷链物流企业、连锁商超配送中心、乳制品及冻品分销商、医药流通企业。
（二）任职资格
1. 本科及以上学历，制冷、物流、机械或市场营销相关专业优先。
2. 具有3年以上冷链设备或商用车行业B2B销售经验，其中至少1年大客户管理经验。
3. 持有C1及以上驾驶证，能适应每月不少于10个工作日的出差。
4. 具备阅读英文技术资料的能力，大学英语四级（CET-4）及以上。
5. 新入职大客户经理须在入职后60天内通过公司产品知识认证考试，成绩不低于80分。
二、主要职责
（一）客户开发与维护
1. 每位大客户经理名下维护的战略客户不超过15家，重点客户不超过30家。
2. 每季度对每家战略客户至少进行2次面对面拜访，拜访后24小时内在CRM系统录入拜访纪要。
3. 新客户首次拜访前须完成《客户背景调查表》，内容包括车队规模、冷库面积、主营品类（冻品、乳品、果蔬、医药）和现有设备品牌。
4. 每年11月30日前提交下一年度的客户经营计划（Account Plan），经大客户事业部总监审批后执行。
5. 战略客户须建立“一客一档”，客户关键联系人变动须在5个工作日内更新至CRM。
（二）商机与报价管理
1. 预计金额超过人民币50万元的商机，须在识别后3个工作日内在CRM中立项。
2. 报价折扣权限：大客户经理可在标准价基础上自主给予不超过5%的折扣；折扣5%至10%（含）须大区销售总监审批；折扣10%至15%（含）须销售副总裁审批；折扣超过15%须总经理批准。
3. 报价单有效期为30天，超过有效期须重新报价。
4. 涉及定制化需求（如双温区机组、医药GSP温度验证、加装4G温度监控）须提前联系技术支持部，技术方案评审周期为5个工作日。
5. 参与招投标项目的，投标文件须在开标前3个工作日提交商务部复核。
（三）合同与回款
1. 合同签订前须取得信用管理部出具的客户信用评估结果，未评估客户一律按款到发货处理。
2. 大客户经理为回款第一责任人；账款逾期超过30天须每周跟进一次，逾期超过60天须书面上报大区销售总监并启动催收程序。
3. 个人年度回款率目标不低于95%。
4. 合同变更（数量、价格、交期）须重新走OA审批，不得口头承诺。
（四）客户服务协同
1. 客户投诉须在2小时内响应，24小时内给出初步处理方案。
2. 协调售后服务部安排安装调试，一线城市48小时内、其他地区72小时内到场。
3. 每半年组织一次战略客户满意度回访，满意度目标为90分以上（百分制）。
4. 每年至少组织1次面向战略客户司机及库管人员的设备操作培训。
（五）市场信息管理
1. 每月5日前提交上月竞品动态报告，包括主要竞品的价格、促销政策及新品信息。
2. 每年参加不少于2场全国性冷链行业展会，展会线索须在会后7天内完成首轮跟进。
三、绩效考核
（一）考核指标及权重
1. 销售额完成率，权重40%。
2. 回款率，权重25%。
3. 新客户开发，权重15%，要求每年新增战略客户不少于3家。
4. 客户满意度，权重10%。
5. CRM数据完整性，权重10%。
（二）考核周期
1. 实行季度考核与年度考核相结合，年度综合得分中季度考核平均分占40%，年度考核占60%。
2. 年度综合得分低于60分的，调离大客户经理岗位；连续两个季度低于70分的，进入绩效改进计划（PIP），期限为90天。
（三）提成与奖金
1. 按标准价或折扣10%以内成交的订单，按合同实际回款额的1.5%计提提成。
2. 折扣超过10%的订单，提成比例降为0.8%。
3. 年度销售额超过目标120%的部分，提成比例上浮至2.2%。
4. 提成在回款到账后的次月15日随工资发放；逾期超过180天才回款的订单不计提提成。
四、行为规范
（一）廉洁要求
1. 不得接受客户或供应商单次价值超过人民币500元的礼品、礼金，无法拒收的须在3个工作日内上交纪检监察室。
2. 业务招待标准为每人每餐不超过人民币300元，须事前在OA中提交招待申请。
（二）差旅标准
1. 出差住宿标准：一线城市每晚不超过人民币550元，其他城市每晚不超过人民币400元。
2. 出差补贴为每天人民币100元，差旅费须在返回后10个工作日内完成报销。
（三）保密义务
1. 客户名单、报价及合同条款属于公司商业秘密，不得私自拷贝或外传。
2. 离职后2年内不得为竞争对手服务或带走公司在管客户，违者按劳动合同约定承担违约金人民币10万元。
五、附则
1. 本手册由人力资源部与大客户事业部共同负责解释。
2. 大客户事业部总监：孙立群，联系电话021-64882310转8012。
3. 本手册自2024年3月1日起施行，原《大客户销售管理办法（2021版）》同时废止。"""
doc1_bottom = """
-END-
原文链接：https://mp.weixin.qq.com/s/xK3vL9hYc_Q2ZlengrenA
觉得有用就点个“在看”吧 👇
点赞 126　　在看 48　　分享 分享到朋友圈
▼ 精选留言
冷库小王子：折扣超过15%要总经理批，这个跟我们公司差不多，哈哈　　👍 23
物流搬砖人老周：一线城市住宿550？我们才给380，羡慕了　　👍 17
Frozen_Lily：求问小编有没有经销商政策那份？　　👍 9
　　作者回复：在整理了，下期见～
冷链老兵阿杰（作者）：感谢大家支持，欢迎转发给同事！
往期推荐
▶ 冷藏车选购避坑指南：机组制冷量怎么算？
▶ 一文看懂GSP对医药冷链的温控要求
▶ 冷链行业2024年十大趋势，第3条很关键
▶ 跑冷链的司机都在用的5个小技巧
声明：本文转载自网络，仅供学习交流，版权归原作者所有。如有侵权，请联系小编删除。
文章内容不代表本号立场。
长按识别下方二维码，关注「冷链人说事」
[二维码图片]
投稿/商务合作请加小编微信：llrss2024
"""
with open(os.path.join(KB, DOC1), "w", encoding="utf-8") as f:
    f.write(doc1_top + doc1_body + "\n" + doc1_bottom)

# ---------------------------------------------------------------- 2. DOCX distributor policy
DOC2 = "昊运冷链_经销商及代理商管理政策_2024版.docx"
d = Document()
st = d.styles["Normal"]
st.font.name = "SimSun"
st.font.size = Pt(10.5)
st.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")


def para(text, bold=False):
    p = d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    return p


para("昊运冷链设备有限公司", bold=True)
para("经销商及代理商管理政策（2024版）", bold=True)
para("文件编号：HY-SD-DP-2024-01　　发布部门：渠道管理部　　生效日期：2024年1月1日")
para("")
lines2a = """第一部分 总则
1. 目的与适用范围
1.1 为规范公司渠道体系，明确经销商及代理商的权利与义务，保障价格秩序和终端服务质量，特制定本政策。
1.2 本政策适用于冷藏车机组、冷藏集装箱、温度记录仪三大产品线在中国大陆地区的全部经销商及代理商。
2. 渠道分类
2.1 一级经销商：直接向公司采购，具备独立仓储及售后服务能力，原则上每个省级行政区不超过2家。
2.2 二级经销商：从所属一级经销商处进货，由一级经销商负责日常管理，须向渠道管理部备案。
2.3 项目代理商：不备货、不压款，仅负责项目信息与商务撮合，按成交合同净额的4%至8%计取佣金，具体比例按单审批。
第二部分 准入与授权
3. 准入条件
3.1 申请一级经销商的企业注册资本不低于人民币500万元，成立满3年，近两年无重大诉讼及失信记录。
3.2 一级经销商须配备至少2名经公司认证的制冷维修技师，并设立面积不少于200平方米的服务网点。
3.3 首次签约须缴纳履约保证金：一级经销商人民币20万元，二级经销商人民币5万元，项目代理商免缴。
4. 授权与期限
4.1 经销授权书有效期为1个自然年，每年12月进行续约评估。
4.2 授权区域以省级行政区为单位；确需跨区销售的，须提前7个工作日向渠道管理部报备。
4.3 未经报备的跨区窜货：第一次按该订单金额的5%扣罚；第二次扣除履约保证金的50%；第三次取消经销授权。
第三部分 价格与返利
5. 价格体系
5.1 一级经销商进货价为公司指导零售价的78%，二级经销商进货价为指导零售价的85%。
5.2 经销商对终端客户的最低售价不得低于指导零售价的90%，低于该价格须事先取得渠道管理部书面同意。
5.3 公司调整指导零售价的，提前15天书面通知经销商；调价前已付款的订单按原价执行。
6. 年度返利
6.1 年度返利以经销商当年实际回款额（不含税）为基数，按下表1阶梯计算，全额累进、不分段计算。
表1 年度返利阶梯"""
for ln in lines2a.split("\n"):
    para(ln)
t1 = d.add_table(rows=5, cols=3)
t1.style = "Table Grid"
rows = [("年度回款额（不含税）", "返利比例", "附加条件"),
        ("500万元以下", "0", "无"),
        ("500万元（含）至1000万元", "2%", "年度回款率不低于90%"),
        ("1000万元（含）至2000万元", "3.5%", "年度回款率不低于92%"),
        ("2000万元（含）以上", "5%", "当年温度记录仪销量不少于3000台")]
for i, r in enumerate(rows):
    for j, c in enumerate(r):
        t1.cell(i, j).text = c
lines2b = """6.2 年度返利于次年3月31日前核算完毕，以货款抵扣形式发放，不予现金兑付。
6.3 温度记录仪专项奖励：经销商单年温度记录仪销量超过5000台的，另按每台人民币8元给予奖励。
6.4 存在窜货、低价倾销或虚假报备行为的，取消当年全部返利。
7. 市场支持
7.1 公司按经销商类别提供市场支持费用，标准见表2，费用须在当年使用完毕，不可跨年结转。
表2 市场支持标准"""
for ln in lines2b.split("\n"):
    para(ln)
t2 = d.add_table(rows=4, cols=4)
t2.style = "Table Grid"
rows = [("渠道类别", "市场支持费用", "样机政策", "展会补贴"),
        ("一级经销商", "当年回款额的1%", "每年可按6折购买样机不超过3台", "省级展会每场补贴人民币1.5万元"),
        ("二级经销商", "当年回款额的0.5%", "每年可按7折购买样机1台", "不适用"),
        ("项目代理商", "不适用", "不适用", "不适用")]
for i, r in enumerate(rows):
    for j, c in enumerate(r):
        t2.cell(i, j).text = c
lines2c = """7.2 样机须在经销商展厅展示满12个月后方可对外销售。
7.3 市场支持费用报销须提供活动照片、发票及活动总结，在活动结束后30天内提交。
8. 付款与信用
8.1 一级经销商可申请信用额度，额度最高不超过上年度回款额的20%，账期为45天。
8.2 二级经销商原则上款到发货；项目代理商不涉及货款结算。
8.3 信用额度内的应收账款逾期超过15天的，暂停发货直至结清。
第四部分 售后服务要求
9. 服务标准
9.1 经销商须在接到客户报修后4小时内响应，城区24小时内、郊县48小时内到达现场。
9.2 对经销商完成的质保期内维修，公司按每工时人民币120元给予工时补贴，所需配件由公司免费提供。
9.3 经销商服务人员每年须参加公司组织的技术培训不少于2次，每次不少于3天，培训食宿由公司承担。
9.4 经销商应建立客户设备档案，并在每次服务完成后48小时内将服务记录上传至公司售后系统。
第五部分 考核与退出
10. 年度考核
10.1 年度考核指标及权重：销售目标完成率50%、回款20%、售后服务满意度20%、市场秩序10%。
10.2 考核得分低于60分的，予以降级或取消授权；连续两年得分在90分以上的，授予“金牌经销商”称号，次年返利比例上浮0.5个百分点。
11. 退出
11.1 经销商主动退出的，须提前90天书面通知公司。
11.2 履约保证金在经销商结清全部货款并完成已售设备售后责任移交后60天内无息退还。
11.3 退出后库存的未拆封产品，公司按进货价的85%回购，已拆封或已超过12个月的产品不予回购。
第六部分 附则
12.1 本政策由渠道管理部负责解释。联系人：渠道管理部经理 周婧，电话0512-68357720，邮箱channel@haoyun-coldchain.cn。
12.2 本政策自2024年1月1日起执行，原《经销商管理政策（2022版）》同时废止。"""
for ln in lines2c.split("\n"):
    para(ln)
d.save(os.path.join(KB, DOC2))

# ---------------------------------------------------------------- 3. English PDF price list
DOC3 = "Haoyun_Price_List_2024Q3_EN.pdf"


class PL(FPDF):
    def header(self):
        self.set_font("DejaVu", "B", 9)
        self.cell(0, 5, "HAOYUN COLD-CHAIN LOGISTICS EQUIPMENT CO., LTD.", new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, "Doc. No. HY-MKT-PL-2024-Q3 | Rev. B | Export Price List", new_x="LMARGIN", new_y="NEXT")
        self.line(10, self.get_y() + 1, 200, self.get_y() + 1)
        self.ln(5)

    def footer(self):
        self.set_y(-16)
        self.set_font("DejaVu", "", 7)
        self.cell(0, 4, "CONFIDENTIAL - Prepared for authorised Haoyun channel partners; redistribution prohibited.", align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")


pdf = PL(format="A4")
pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pdf.add_font("DejaVu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
pdf.set_auto_page_break(True, margin=22)
pdf.alias_nb_pages()
W = 190


def h(t):
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(W, 6, t, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)


def ptxt(t):
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(W, 5, t, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def table(rows, widths):
    pdf.set_font("DejaVu", "", 7.5)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.2) as tb:
        for i, r in enumerate(rows):
            row = tb.row()
            for c in r:
                row.cell(c)
    pdf.ln(2)


pdf.add_page()
pdf.set_font("DejaVu", "B", 15)
pdf.multi_cell(W, 8, "Product Catalogue & Export Price List 2024 Q3", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("DejaVu", "", 9)
ptxt("Truck Refrigeration Units | Reefer Containers | Temperature Data Loggers")
h("1. Validity and General Notes")
ptxt("1.1 Prices in this list are valid for orders confirmed between 1 July 2024 and 30 September 2024.")
ptxt("1.2 All prices are quoted in US dollars (USD), FOB Shanghai, excluding import duties and local taxes.")
ptxt("1.3 For CIF delivery, add approximately 4% of the order value for ocean freight and insurance; the exact figure is confirmed on the pro-forma invoice.")
ptxt("1.4 Cooling capacities are rated at an ambient temperature of +30 °C. Figures are for reference; final performance depends on the box insulation (K-value) and door openings.")
ptxt("1.5 Lead times are counted in weeks from receipt of the deposit and apply to quantities below 50 units per model.")
h("2. Truck Refrigeration Units (HT Series)")
ptxt("2.1 Engine-driven units are for vans and light trucks; diesel units (suffix D) are self-powered for medium and heavy trucks and trailers; the HT-600E is designed for electric trucks.")
table([
    ("Model", "Application", "Temp. range (°C)", "Cooling capacity (W) at 0 °C / -18 °C", "Fuel / power", "Weight (kg)", "Price (USD)", "Lead time"),
    ("HT-250", "Van, 6-10 m3 box", "-20 to +30", "2,500 / 1,350", "Engine-driven, 12 V DC", "68", "2,980", "2 weeks"),
    ("HT-380", "Light truck, 10-18 m3", "-25 to +30", "3,800 / 2,100", "Engine-driven, 12/24 V DC", "95", "4,250", "2 weeks"),
    ("HT-560", "Medium truck, 18-30 m3", "-25 to +30", "5,600 / 3,200", "Engine-driven + 380 V standby", "165", "6,900", "3 weeks"),
    ("HT-600E", "Electric truck, 18-30 m3", "-20 to +30", "6,000 / 3,400", "540 V DC high-voltage battery", "140", "8,400", "4 weeks"),
    ("HT-880D", "Heavy truck, 30-45 m3", "-30 to +30", "8,800 / 5,100", "Diesel, 2.2 L/h", "520", "14,600", "5 weeks"),
    ("HT-1200D", "Semi-trailer, 45-75 m3", "-30 to +30", "12,000 / 7,200", "Diesel, 3.1 L/h", "760", "19,800", "6 weeks"),
    ("HT-DZ450", "Dual-zone van/truck", "-25 to +25", "4,500 / 2,400 (total)", "Engine-driven + 380 V standby", "210", "9,300", "4 weeks"),
], (13, 24, 16, 26, 30, 13, 14, 14))
ptxt("2.2 Standby electric kit (380 V, for overnight pre-cooling at depots) is included with HT-560 and HT-DZ450 and can be added to the HT-380 for USD 650.")
pdf.add_page()
h("3. Reefer Containers (RC Series)")
ptxt("3.1 All reefer containers are ISO 1496-2 compliant, with CSC plate, stainless-steel interior and T-floor. Power supply is 380-460 V, 3-phase, 50/60 Hz.")
table([
    ("Model", "Type", "Temp. range (°C)", "Cooling capacity (W)", "Power", "Tare weight (kg)", "Price (USD)", "Lead time"),
    ("RC-20S", "20 ft standard reefer", "-30 to +30", "9,500 at 0 °C", "380-460 V, 3-phase", "3,050", "18,500", "8 weeks"),
    ("RC-40H", "40 ft high-cube reefer", "-30 to +30", "11,200 at 0 °C", "380-460 V, 3-phase", "4,680", "26,900", "8 weeks"),
    ("RC-40UL", "40 ft ultra-low-temp", "-60 to -10", "4,200 at -60 °C", "380-460 V, 3-phase", "5,100", "48,500", "12 weeks"),
    ("RC-10M", "10 ft mini reefer", "-25 to +25", "4,800 at 0 °C", "220 V single-phase", "1,650", "11,200", "6 weeks"),
], (15, 30, 18, 26, 30, 20, 16, 17))
ptxt("3.2 Clip-on diesel generator set GS-15 (15 kW, fuel tank 300 L, approx. 60 hours operation) for road and rail transport: USD 7,450, lead time 6 weeks.")
ptxt("3.3 Used-container trade-in: Haoyun credits up to USD 1,500 per container against a new RC unit, subject to inspection.")
h("4. Temperature Data Loggers (TL Series)")
table([
    ("Model", "Type", "Range (°C)", "Accuracy", "Connectivity / battery", "Weight (g)", "Price (USD)", "Lead time"),
    ("TL-10", "Single-use PDF logger, 90 days", "-30 to +70", "±0.5 °C", "USB, non-replaceable battery", "32", "6.50 (MOQ 500)", "1 week"),
    ("TL-20R", "Reusable USB logger", "-40 to +85", "±0.3 °C", "USB, CR2450, 1-year battery", "58", "24.00", "1 week"),
    ("TL-BT", "Bluetooth logger + app", "-40 to +85", "±0.3 °C", "Bluetooth 5.0, 2-year battery", "45", "39.00", "2 weeks"),
    ("TL-4G", "Real-time temp. & humidity", "-40 to +85", "±0.3 °C", "4G LTE + GPS, 3,000 mAh rechargeable", "120", "89.00", "2 weeks"),
    ("TL-DRY", "Dry-ice / deep-frozen probe", "-80 to +40", "±0.8 °C", "USB, external PT100 probe", "75", "135.00", "3 weeks"),
], (14, 36, 18, 16, 46, 16, 24, 20))
ptxt("4.1 The TL-4G requires a HaoyunCloud platform subscription of USD 2.00 per device per month (billed annually); the first 3 months are free. Battery life is about 45 days at a 10-minute logging interval.")
ptxt("4.2 TL-10 and TL-20R loggers generate a PDF report automatically when plugged into a USB port; no software installation is needed.")
pdf.add_page()
h("5. Options and Accessories")
table([
    ("Item", "Description", "Price (USD)"),
    ("OP-REM", "Remote temperature display for driver cab", "120"),
    ("OP-DOOR", "Door switch with automatic fan stop", "45"),
    ("OP-HTR", "Electric heating kit for winter (+5 °C holding below -20 °C ambient)", "380"),
    ("OP-PRT", "In-cab thermal printer for delivery temperature receipts", "260"),
    ("OP-CURT", "PVC strip curtain, per door", "90"),
], (25, 135, 30))
h("6. Commercial Terms")
ptxt("6.1 Volume discounts per order: 10-49 units of the same series 3%; 50-99 units 5%; 100 units or more 8% (requires approval by the VP Sales).")
ptxt("6.2 Payment: 30% deposit by T/T with order, 70% balance by T/T before shipment. An irrevocable L/C at sight is accepted for orders above USD 50,000.")
ptxt("6.3 Warranty: truck units and reefer machinery 24 months; compressors 36 months; reefer container box structure 5 years; reusable loggers 12 months. Single-use TL-10 loggers carry no warranty.")
ptxt("6.4 Export packing: truck units are shipped in fumigation-free plywood cases; packing is included in the price. Containers are shipped as SOC (shipper-owned) units.")
ptxt("6.5 Samples: one sample unit per model per distributor per year is invoiced at 70% of list price.")
ptxt("6.6 Price changes: Haoyun may revise prices with 30 days' written notice; confirmed orders with a paid deposit are not affected.")
h("7. Ordering and Contacts")
ptxt("7.1 Send purchase orders to export@haoyun-coldchain.cn quoting the model number and the required Incoterm.")
ptxt("7.2 Export sales hotline: +86 21 6488 2300 (Monday to Friday, 08:30-17:30 Beijing time).")
ptxt("7.3 Technical pre-sales questions: Application Engineering team, tech.support@haoyun-coldchain.cn, response within 1 working day.")
ptxt("7.4 Export Sales Director: Mr. Kevin Lu, +86 139 1680 4471.")
h("8. Model Selection Guide")
ptxt("8.1 Frozen food (-18 °C) in a van of up to 10 m3: HT-250 is sufficient only for short urban routes with fewer than 15 door openings per day; otherwise choose the HT-380.")
ptxt("8.2 Mixed chilled and frozen distribution to supermarkets: HT-DZ450 dual-zone unit with a movable bulkhead.")
ptxt("8.3 Pharmaceutical (GSP, +2 to +8 °C) transport: any HT unit combined with a TL-4G logger; GSP temperature mapping validation service is available at USD 1,200 per vehicle.")
ptxt("8.4 Vaccine, tuna and biological samples below -40 °C: RC-40UL container or TL-DRY logger for dry-ice shipments.")
ptxt("8.5 Urban electric logistics fleets: HT-600E, which draws power from the truck traction battery and reduces range by about 8-12%.")
pdf.output(os.path.join(KB, DOC3))

# ---------------------------------------------------------------- 4. Chinese PDF warranty notice
DOC4 = "昊运冷链_产品质保及售后服务告知书.pdf"


class WN(FPDF):
    def header(self):
        self.set_font("wqy", "", 8)
        self.cell(95, 5, "昊运冷链设备有限公司·客户服务中心", new_x="RIGHT", new_y="TOP")
        self.cell(95, 5, "受控编号 HY-CS-WN-2024-02（第3版）", align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(10, self.get_y() + 1, 200, self.get_y() + 1)
        self.ln(5)

    def footer(self):
        self.set_y(-16)
        self.set_font("wqy", "", 7)
        self.cell(0, 4, "本告知书以公司OA受控版本为准，打印件仅供参考", align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 4, f"第 {self.page_no()} 页 / 共 {{nb}} 页", align="C")


w = WN(format="A4")
w.add_font("wqy", "", FONT_ZH)
w.set_auto_page_break(True, margin=22)
w.alias_nb_pages()
w.add_page()
w.set_font("wqy", "", 15)
w.multi_cell(190, 9, "产品质保及售后服务告知书", align="C", new_x="LMARGIN", new_y="NEXT")
w.set_font("wqy", "", 9)
w.multi_cell(190, 5, "适用产品：冷藏车机组、冷藏集装箱、温度记录仪　　发布日期：2024年4月1日", align="C", new_x="LMARGIN", new_y="NEXT")
w.ln(3)
doc4 = """尊敬的客户：
感谢您选用昊运冷链产品。为保障您的合法权益，现将产品质量保证及售后服务条款告知如下，请仔细阅读并妥善保存。
#一、质保期限
1. 冷藏车机组整机质保期为24个月或累计运行3000小时，以先到者为准。
2. 冷藏车机组压缩机单独享有36个月质保。
3. 冷藏集装箱箱体结构质保5年，制冷机组质保24个月。
4. 可重复使用的温度记录仪质保12个月；一次性温度记录仪仅保证出厂合格，不提供质保。
5. 质保期自《安装调试验收单》签署之日起计算；未签署验收单的，自发货之日起第30天开始计算。
6. 质保期内更换的零部件，其质保期随整机剩余质保期计算，剩余不足3个月的按3个月计。
#二、质保范围
1. 质保期内，在正常使用条件下因材料或制造缺陷引起的故障，公司免费提供维修或更换零部件，免收工时费和上门费。
2. 同一主要部件（压缩机、冷凝器、蒸发器、控制器）在质保期内经两次维修仍无法正常使用的，公司免费更换该部件总成。
3. 整机在交付后15天内出现非人为性能故障的，客户可选择换机。
#三、不属于质保范围的情形
1. 未按《使用说明书》操作、超负荷使用或用于非设计用途造成的损坏。
2. 非公司授权服务商拆装、改装或维修过的设备。
3. 因交通事故、火灾、水浸、雷击等不可抗力或外力造成的损坏。
4. 使用非原厂冷媒、冷冻油或配件造成的故障。
5. 皮带、保险丝、滤芯、门封条等易损件的正常磨损。
6. 车辆电瓶电压不足或车辆发电机故障导致的机组故障。
7. 设备铭牌、序列号被涂改或无法识别的。
#四、服务响应时效
1. 全国统一服务热线400-820-6677，7×24小时受理报修。
2. 接到报修后2小时内安排工程师远程诊断。
3. 需上门服务的，直辖市及省会城市24小时内到场，地级市48小时内到场，其他地区72小时内到场。
4. 公司在上海、广州、成都、沈阳设有4个备件中心库，常用备件48小时内发至服务网点。
5. 在途冷藏车发生故障的，可申请“应急救援”，公司协调就近服务商于4小时内到达高速公路服务区或指定地点。
#五、保外服务收费标准
1. 上门服务费：市区每次人民币300元；超出服务网点50公里的，每公里加收人民币3元。
2. 工时费：每小时人民币180元，不足1小时按1小时计。
3. 冷媒补充：R404A每公斤人民币85元，R452A每公斤人民币160元。
4. 配件按公司当期《配件价目表》收取，保外维修所换配件享有90天质保。
5. 夜间（22:00至次日6:00）及法定节假日上门服务，上门服务费和工时费加收50%。
#六、延保服务
1. 客户可在购机时或原质保期满前90天内购买延保服务。
2. 延长质保1年的费用为整机购买价格的4%；延长质保2年的费用为整机购买价格的7%。
3. 延保期内的服务内容与原质保相同，但不含压缩机以外部件的运输费用。
#七、定期保养
1. 建议冷藏车机组每运行1000小时或每6个月进行一次保养，以先到者为准。
2. 质保期内首次保养免费（限运行满500小时后60天内申请）。
3. 可购买年度保养套餐：冷藏车机组每台每年人民币1200元（含2次保养），冷藏集装箱每台每年人民币2600元（含3次保养）。
4. 未按规定保养导致的故障，公司有权拒绝提供质保服务。
#八、货损责任与温度数据
1. 因设备质量缺陷导致货物损失的，公司赔偿上限为该设备购买价格的30%，间接损失不予赔偿。
2. 客户须在发现货损后72小时内书面通知公司，并保留现场、温度记录仪数据及货物凭证。
3. 使用昊运TL-4G实时记录仪的客户，可申请调取云平台最近180天的温度数据作为理赔依据。
#九、客户责任
1. 客户应按说明书操作，并在每次出车前检查机组运行状态及设定温度。
2. 报修时须提供设备序列号、故障现象及车辆所在地址。
3. 配合服务工程师工作，提供安全的维修场地。
#十、投诉与联系方式
1. 对服务不满意的，可拨打投诉专线021-64882399或发送邮件至service@haoyun-coldchain.cn。
2. 公司在收到投诉后1个工作日内联系客户，5个工作日内给出书面处理意见。
3. 客户服务中心总监：韩东。
4. 本告知书自2024年4月1日起执行，由昊运冷链设备有限公司客户服务中心负责解释。"""
for ln in doc4.split("\n"):
    if ln.startswith("#"):
        w.ln(2)
        w.set_font("wqy", "", 11)
        w.multi_cell(190, 7, ln[1:], new_x="LMARGIN", new_y="NEXT")
        w.set_font("wqy", "", 9.5)
    else:
        w.set_font("wqy", "", 9.5)
        w.multi_cell(190, 5.6, ln, new_x="LMARGIN", new_y="NEXT")
w.output(os.path.join(KB, DOC4))

# ---------------------------------------------------------------- 5. HTML intranet page
DOC5 = "order-to-delivery-installation-procedure.html"
html = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Order-to-Delivery &amp; Installation Procedure | HaoyunNet</title>
<style>
body{font-family:Arial,sans-serif;margin:0;color:#222}
#topnav{background:#0b4f8a;color:#fff;padding:8px}
#topnav a{color:#fff;margin-right:14px;text-decoration:none}
#wrap{display:flex} #side{width:230px;background:#f1f4f8;padding:12px} #main{flex:1;padding:16px}
#cookie{position:fixed;bottom:0;width:100%;background:#333;color:#eee;padding:10px}
</style>
<script>function acceptCookies(){document.getElementById('cookie').style.display='none';}</script>
</head>
<body>
<div id="cookie" class="cookie-banner">
<p>HaoyunNet uses cookies to remember your login and language preference. By continuing to browse you agree to our Intranet Cookie Notice. <a href="/cookie-notice">Learn more</a> <button onclick="acceptCookies()">Got it</button></p>
</div>
<header id="topnav">
<span class="logo">HaoyunNet &middot; Employee Portal</span>
<nav>
<a href="/">Home</a> <a href="/news">Company News</a> <a href="/hr">People &amp; HR</a> <a href="/sales">Sales Hub</a> <a href="/ops">Operations</a> <a href="/it">IT Helpdesk</a> <a href="/search">Search</a> <a href="/logout">Sign out</a>
</nav>
</header>
<div class="breadcrumb">You are here: <a href="/">Home</a> &gt; <a href="/sales">Sales Hub</a> &gt; <a href="/sales/processes">Process Library</a> &gt; Order-to-Delivery</div>
<div id="wrap">
<aside id="side">
<h4>In this section</h4>
<ul>
<li><a href="/sales/processes/quote">Quotation workflow</a></li>
<li><a href="/sales/processes/credit">Credit limit request</a></li>
<li><a href="/sales/processes/returns">Returns &amp; RMA</a></li>
<li><a href="/sales/forms">Forms download centre</a></li>
</ul>
<h4>Quick links</h4>
<ul>
<li><a href="/canteen">Canteen menu this week</a></li>
<li><a href="/it/vpn">VPN setup guide</a></li>
<li><a href="/hr/leave">Apply for leave</a></li>
</ul>
<p class="widget">Page owner: Ops Excellence team | Last reviewed 12 May 2024 | 1,204 views</p>
</aside>
<main id="main">
<h1>Order-to-Delivery and Installation Procedure</h1>
<p>Procedure No. SOP-OPS-017, revision 4, effective 1 June 2024. Applies to all truck refrigeration units, reefer containers and temperature loggers sold in mainland China by Haoyun direct sales and key-account teams.</p>

<h2>1. Purpose and Roles</h2>
<p>This procedure defines how a signed customer order is turned into a delivered, installed and accepted product.</p>
<ul>
<li>Sales Representative: owns the order from contract signing to customer acceptance.</li>
<li>Order Desk (Sales Operations): enters and confirms orders in the ERP system.</li>
<li>Credit Control: releases orders against deposit or credit limit.</li>
<li>Production Planning: schedules manufacturing at the Kunshan plant.</li>
<li>Logistics: arranges delivery from the Kunshan plant or the regional warehouses in Guangzhou and Chengdu.</li>
<li>Field Service: installs and commissions the equipment.</li>
</ul>

<h2>2. Order Entry</h2>
<ol>
<li>Upload the signed contract and the customer's purchase order to the CRM opportunity within 1 working day of signing.</li>
<li>Complete the Order Specification Sheet, including truck make and model, box dimensions, required temperature setpoint and power supply.</li>
<li>Submit the order to the Order Desk; the Order Desk enters it in the ERP system and sends an order confirmation to the customer within 2 working days.</li>
<li>For non-standard configurations, attach the Application Engineering sign-off; orders without it are returned to the Sales Representative.</li>
<li>Any change to quantity, model or delivery address after confirmation must be submitted on a Change Request form; changes after production release incur a fee of 2% of the affected order value.</li>
</ol>

<h2>3. Credit and Deposit Release</h2>
<ol>
<li>Credit Control checks the customer's credit limit and overdue balance within 1 working day of order entry.</li>
<li>Customers without an approved credit limit must pay a 30% deposit before the order is released to production.</li>
<li>Orders from customers with invoices overdue by more than 30 days are put on credit hold until the overdue amount is paid or the Finance Director approves a release.</li>
<li>Credit Control releases the order in the ERP system and notifies Production Planning automatically.</li>
</ol>

<h2>4. Production Scheduling and Pre-delivery Inspection</h2>
<ol>
<li>Production Planning confirms the production slot and the estimated ship date to the Sales Representative within 3 working days of credit release.</li>
<li>Standard truck units in stock are shipped within 5 working days; built-to-order units follow the lead time stated in the current price list.</li>
<li>Quality Control performs a pre-delivery inspection (PDI) on every unit: a 4-hour pull-down test to the setpoint, a refrigerant leak test and an electrical safety check.</li>
<li>Reefer containers additionally undergo a 24-hour running test at -25 &deg;C before release.</li>
<li>The PDI report is attached to the delivery note; units that fail PDI are returned to the production line and the ship date is re-confirmed within 1 working day.</li>
</ol>

<h2>5. Shipping and Delivery</h2>
<ol>
<li>Logistics books transport no later than 2 working days before the ship date and sends the customer a shipping notice with the vehicle plate number and driver phone.</li>
<li>Deliveries within Jiangsu, Zhejiang and Shanghai arrive within 2 days of dispatch; other provinces within 5 days; Xinjiang, Tibet and Qinghai within 8 days.</li>
<li>The customer inspects the packaging on arrival and signs the delivery note; visible damage must be noted on the delivery note and photographed.</li>
<li>Damage claims must be reported to Logistics within 48 hours of delivery, otherwise the carrier will not accept the claim.</li>
</ol>

<h2>6. Installation and Commissioning</h2>
<ol>
<li>Field Service contacts the customer within 1 working day of delivery to book an installation date.</li>
<li>The customer must have the truck, box and vehicle documents available at an installation site with 380 V power (for standby units) and a covered working area.</li>
<li>A standard truck unit installation takes about 6 hours for engine-driven units and about 1 working day for diesel units; a dual-zone unit takes about 1.5 working days.</li>
<li>After installation, the technician runs a pull-down test with the customer present and records the time taken to reach the setpoint.</li>
<li>The technician trains the driver on controller operation, defrost and alarm codes; training takes about 30 minutes per vehicle.</li>
<li>Installation is free of charge for the first 10 units per order within 100 km of a Haoyun service station; beyond that, a travel fee of RMB 3 per km applies.</li>
</ol>

<h2>7. Customer Acceptance and Handover</h2>
<ol>
<li>The customer signs the Installation &amp; Commissioning Acceptance Form on site; the warranty period starts on this date.</li>
<li>The technician uploads the signed form, PDI report and pull-down test record to the service system within 24 hours.</li>
<li>The Sales Representative issues the final invoice within 3 working days of acceptance.</li>
<li>If the customer refuses to sign, the technician records the reasons and the Sales Representative must resolve the issue within 5 working days; unresolved cases are escalated to the Regional Sales Director.</li>
</ol>

<h2>8. Escalation and Contacts</h2>
<ul>
<li>Order Desk: orderdesk@haoyun-coldchain.cn, ext. 8200.</li>
<li>Credit Control: credit@haoyun-coldchain.cn, ext. 8350.</li>
<li>Logistics dispatch: +86 512 6835 7788 (07:00-21:00 daily).</li>
<li>Field Service coordination: 400-820-6677.</li>
<li>Process owner: Head of Sales Operations, Ms. Grace Wang.</li>
</ul>
</main>
</div>
<footer class="site-footer">
<p>&copy; 2024 HaoyunNet internal portal &middot; Maintained by the IT Digital Workplace team &middot; Best viewed in Chrome 110+</p>
<p><a href="/privacy">Privacy</a> | <a href="/accessibility">Accessibility</a> | <a href="/it/report">Report a broken link</a> | Server node web-03</p>
</footer>
</body>
</html>
"""
with open(os.path.join(KB, DOC5), "w", encoding="utf-8") as f:
    f.write(html)

# ---------------------------------------------------------------- 6. Long Chinese policy txt
DOC6 = "昊运冷链_销售合同信用及回款管理制度.txt"
doc6 = """昊运冷链设备有限公司
销售合同、信用及回款管理制度
制度编号：HY-FIN-SC-2023-07　　版本：第2版　　批准人：总经理　　生效日期：2023年10月1日

第一章 总则
第一条 为规范销售合同管理，控制信用风险，加快资金回笼，减少坏账损失，根据国家有关法律法规，结合公司实际，制定本制度。
第二条 本制度适用于公司所有产品（冷藏车机组、冷藏集装箱、温度记录仪及配件）的内销业务，出口业务另行规定。
第三条 销售合同、信用及回款管理遵循“谁签约、谁负责、谁收款”的原则，销售人员为回款第一责任人，所在大区销售总监承担管理责任。

第二章 组织与职责
第四条 销售部门负责客户开发、合同谈判、合同签订及货款催收。
第五条 信用管理部负责客户信用调查与评级、信用额度核定、应收账款监控及逾期预警，信用管理部经理为刘敏，电话021-64882335。
第六条 财务部负责开具发票、确认回款、核销应收账款，每月5日前出具上月应收账款账龄分析表。
第七条 法务部负责合同标准文本的制定、非标准条款的审核及诉讼事务。

第三章 销售合同管理
第八条 公司销售合同须使用法务部发布的标准文本。对标准文本条款的任何修改均视为非标准合同，须经法务部审核。
第九条 合同审批权限如下：
（一）合同金额人民币50万元以下的，由大区销售总监审批；
（二）合同金额人民币50万元（含）至300万元的，由销售副总裁审批；
（三）合同金额人民币300万元（含）以上的，或含非标准付款条款的，由总经理审批。
第十条 合同必须载明产品型号、数量、单价、总价、交货期、交货地点、付款方式、质保条款和违约责任。
第十一条 合同原则上应约定客户逾期付款时按每日万分之五支付违约金。
第十二条 合同签订后2个工作日内，销售人员须将合同原件交至商务部归档，扫描件上传至CRM系统。
第十三条 严禁销售人员以个人名义与客户签订合同或收取货款，严禁签订“阴阳合同”。违反者予以解除劳动合同。

第四章 客户信用管理
第十四条 新客户首次交易前，须由销售人员提交《客户信用申请表》，并附营业执照、近一年财务报表及开户银行信息。
第十五条 信用管理部根据客户的经营年限、注册资本、财务状况、历史付款记录等，将客户信用等级评定为A、B、C、D四级。
第十六条 各信用等级对应的信用政策如下：
（一）A级客户：最高信用额度为人民币500万元，账期不超过90天；
（二）B级客户：最高信用额度为人民币200万元，账期不超过60天；
（三）C级客户：最高信用额度为人民币50万元，账期不超过30天；
（四）D级客户：不给予信用额度，一律款到发货。
第十七条 信用额度有效期为12个月，到期前30天由销售人员提出续期申请。信用管理部每季度对A、B级客户进行复评。
第十八条 客户超出信用额度或存在逾期账款时，ERP系统自动冻结发货。临时超额度发货须经财务总监审批，超额部分不得超过原额度的20%，且有效期不超过30天。
第十九条 对于首次合作客户，默认付款条件为合同签订后支付30%预付款，发货前付清70%余款。

第五章 发票与回款管理
第二十条 财务部在客户签署《安装调试验收单》或收货确认后3个工作日内开具增值税专用发票。
第二十一条 客户回款须汇入公司对公账户。公司开户银行为招商银行上海分行营业部，任何个人账户收款均属违规。
第二十二条 接受银行承兑汇票的，票面期限不超过6个月，且须为国有大型商业银行或全国性股份制银行承兑；不接受商业承兑汇票。
第二十三条 客户以银行承兑汇票付款的，公司按票面金额的1.5%加收贴息费用，由销售人员在合同中约定。
第二十四条 销售人员每月25日前须与所负责客户完成应收账款余额对账，并取得客户签章的对账函，A级客户可每季度对账一次。

第六章 逾期账款催收
第二十五条 应收账款按逾期天数实行分级催收：
（一）逾期1至30天：销售人员电话及上门催收，每周不少于1次；
（二）逾期31至60天：大区销售总监约见客户负责人，信用管理部发出书面《催款函》；
（三）逾期61至90天：暂停该客户全部发货及信用额度，由信用管理部发出《律师函》；
（四）逾期超过90天：移交法务部，启动诉讼或仲裁程序。
第二十六条 逾期账款的资金占用成本按年化6%从销售人员所属大区的费用中扣减。
第二十七条 逾期超过180天的应收账款，对应订单的销售提成全部取消；已发放的，从后续提成中扣回。
第二十八条 确认无法收回的应收账款，经法务部出具意见、财务总监审核、总经理批准后，方可作为坏账核销。单笔坏账超过人民币100万元的，须报董事会审批。
第二十九条 因销售人员违规操作（如未经审批赊销、超额度发货）造成坏账的，由责任销售人员按坏账金额的10%承担赔偿责任，最高不超过人民币5万元。

第七章 考核与奖惩
第三十条 公司对各大区按季度考核回款率与逾期率：季度回款率目标95%，逾期90天以上账款占比不得超过应收余额的3%。
第三十一条 年度回款率达到100%且无90天以上逾期账款的大区，给予大区团队人民币5万元的回款专项奖励。
第三十二条 提前回款奖励：客户较合同约定提前30天以上付清全款的，按提前回款金额的0.3%给予销售人员奖励。
第三十三条 隐瞒逾期、虚假对账或挪用货款的，一经查实，予以解除劳动合同，情节严重的移送司法机关。

第八章 附则
第三十四条 本制度由财务部和信用管理部负责解释，财务总监为制度负责人。
第三十五条 本制度自2023年10月1日起施行，原《应收账款管理办法》同时废止。
"""
with open(os.path.join(KB, DOC6), "w", encoding="utf-8") as f:
    f.write(doc6)

print("generated:", sorted(os.listdir(KB)))
