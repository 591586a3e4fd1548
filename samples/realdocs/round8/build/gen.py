#!/usr/bin/env python3
"""Generate six messy real-world documents for Sunwei Heat Pump Technology (fictional)."""
import os
from docx import Document
from docx.shared import Pt
from fpdf import FPDF

BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(BASE, "kb")
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
os.makedirs(KB, exist_ok=True)
for f in os.listdir(KB):
    os.remove(os.path.join(KB, f))

# ---------------------------------------------------------------- 1. docin-style txt
DOC1 = """文档汇365 - 海量文档免费分享平台 www.docin365.com
首页 | 文档分类 | 行业资料 | 企业管理 | 教育考试 | 精品专区 | 上传文档 | 会员中心 | 登录 注册
当前位置：首页 > 企业管理 > 岗位职责 > 热泵销售代表岗位职责
本文档由用户上传，仅供学习交流，如有侵权请联系平台删除。
【VIP专享】开通VIP月卡仅需￥19.9，年卡￥168，全站文档免费下载；非VIP用户下载本文档需消耗8积分，每日签到可领2积分。
下载遇到问题？文档汇365客服热线：400-816-3650（工作日9:00-21:00），官方QQ交流群：512384677
浏览：12486次  点赞：327  收藏：89  页数：9页  上传时间：2024-03-18  上传者：hvac_sales****
————————————————————————————————————————
森威热泵科技有限公司
销售代表岗位职责手册（2024年修订版）
文件编号：SW-HR-SD-2024-02  编制部门：销售管理部  批准人：销售总监
一、岗位概述
（一）岗位定位
1.销售代表隶属于公司营销中心各区域销售部，负责所辖区域内家用空气源热泵、热泵热水器及酒店、学校等商用热泵项目的开发与销售。
2.销售代表是公司与终端客户、工程商及经销商之间的第一联系人，代表公司形象，须遵守公司《销售费用及客户招待管理办法》。
（二）汇报关系
1.销售代表直接向区域销售经理汇报，区域销售经理向大区总监汇报。
2.涉及单个合同金额超过50万元的商用项目，销售代表须同时向商用项目部报备。
3.每个销售代表原则上负责1个地级市或不超过3个县级区域。
（三）任职资格
1.大专及以上学历，暖通、机电、市场营销相关专业优先。
2.具有1年以上建材、家电或暖通行业销售经验；持有C1及以上驾照。
3.新入职销售代表试用期为3个月，试用期内须通过产品知识考试（80分及格）。
二、主要职责
（一）市场开发
1.每周有效客户拜访不少于15次，其中新客户拜访不少于5次，拜访记录须当日录入CRM系统。
2.每月新增有效客户不少于8家（有效客户指已完成需求登记并提交方案的客户）。
3.每季度至少组织或参与1场区域推广活动（如小区团购会、酒店行业交流会、学校后勤采购对接会）。
4.重点开发对象：新建酒店及公寓、中小学及高校宿舍、养老机构、游泳馆、以及“煤改电”区域的农村住户。
（二）客户维护
1.客户按年采购额分为A、B、C三类：A类客户年采购额50万元以上，B类10万至50万元，C类10万元以下。
2.A类客户每月至少上门回访2次，B类客户每季度至少回访1次，C类客户每半年至少电话回访1次。
3.客户投诉须在24小时内响应，并在2个工作日内协同售后服务部给出处理方案。
4.每年春节、中秋节前后须对A类客户进行节日回访，节日礼品标准按公司招待管理办法执行。
（三）商机与报价
1.报价须使用公司统一报价模板，报价有效期为30天。
2.折扣审批权限：销售代表可在标准价基础上给予不超过5%的折扣；5%至12%的折扣须区域销售经理审批；超过12%须销售总监审批。
3.商用项目（单台制热量30kW及以上机组）须由商用项目部技术工程师出具选型方案后方可报价。
4.参与学校、医院等公开招投标项目，须在投标截止日前至少7天提交投标申请，由商务部统一制作标书。
（四）合同与回款
1.合同签订后3个工作日内录入CRM并将原件交区域销售内勤归档。
2.标准付款条件：合同签订后预付30%，发货前付60%，安装验收合格后付尾款10%。
3.应收账款逾期超过30天，销售代表须每周催收并在CRM中记录；逾期超过60天的，暂停该客户发货并上报财务部。
4.回款目标：当月回款率不低于85%，年度坏账率不得超过0.5%。
（五）项目跟进与安装协调
1.合同签订后，销售代表须在2个工作日内向安装服务部提交《安装派工单》。
2.商用项目开工前须组织一次三方现场交底（客户、安装队、公司技术员）。
3.安装完成后7天内陪同客户完成验收，并收集《客户验收单》及满意度评价。
三、工作标准与考核
（一）业绩指标
1.月度考核采用KPI计分制，满分100分：销售目标完成率权重50%，回款率权重30%，客户满意度权重20%。
2.连续2个季度考核低于60分的，进入绩效改进计划（PIP），为期2个月。
3.年度销售目标完成率低于70%的，不得参与年度评优。
（二）日常行为规范
1.每个工作日18:00前提交销售日报；每周一上午9:00参加区域周例会。
2.出差须提前1个工作日在OA系统提交出差申请。
3.严禁私下收取客户现金、以个人账户代收货款或向客户承诺合同以外的条件。
（三）CRM系统使用
1.所有客户信息、商机、报价、合同、回款均须在CRM系统中完整记录，CRM录入完整率不低于95%。
2.离职时须在最后工作日前完成客户资料交接，交接清单由区域销售经理签字确认。
四、薪酬与激励
（一）薪酬结构
1.销售代表薪酬由基本工资、绩效工资和销售提成三部分构成，基本工资按所在城市级别确定。
2.销售提成比例：家用产品按回款金额的2.5%计提，商用项目按回款金额的1.8%计提。
3.超额完成季度目标的部分，提成按1.5倍计发；提成按季度发放，于次季度首月15日前发放。
（二）奖励
1.年度销售冠军奖励人民币20,000元，亚军10,000元，季军5,000元。
2.单个商用项目合同金额超过200万元的，额外奖励项目团队合同金额的0.3%。
3.新客户开发奖：每新增1家A类客户奖励1,000元。
五、培训与发展
（一）入职培训
1.新入职销售代表须完成40学时的产品与技术培训，包括热泵原理、选型计算、安装规范及竞品分析。
2.入职后第1个月须跟随资深销售代表实习拜访不少于10次。
（二）在职培训与晋升
1.每年参加公司组织的培训不少于24学时，培训结果纳入年度考核。
2.晋升通道：销售代表→高级销售代表→区域销售经理；晋升高级销售代表须连续2年考核为B级及以上。
六、附则
1.本手册由销售管理部负责解释，自2024年4月1日起执行，原2021版同时废止。
2.对本手册内容如有疑问，可联系销售管理部，内线电话：0571-8826-4402。
————————————————————————————————————————
评论（23）  |  我要评论  |  举报
用户 hp_li**：内容很全，拿来参考写我们公司的岗位说明书了，谢谢分享！
用户 小熊不吃糖：下载要8积分有点贵……
相关文档推荐：
· 空调销售人员岗位职责（完整版）  4.5分  2.1万次阅读
· 热泵热水器安装施工方案（word可编辑）  4.2分  8731次阅读
· 销售部绩效考核方案模板  4.7分  3.6万次阅读
· 2024年暖通行业市场分析报告  4.0分  5120次阅读
· 经销商管理制度汇编  4.3分  1.2万次阅读
上一篇：酒店工程部岗位职责    下一篇：空气能热水工程报价单
关于我们 | 联系我们 | 用户协议 | 隐私政策 | 版权投诉 | 网站地图
Copyright © 2012-2024 文档汇365 docin365.com 版权所有  浙ICP备13025671号-3  增值电信业务经营许可证：浙B2-20130177
"""
with open(os.path.join(KB, "热泵销售代表岗位职责_docin365.txt"), "w", encoding="utf-8") as f:
    f.write(DOC1)

# ---------------------------------------------------------------- 2. dealer policy docx
DOC2_PARAS = [
    "森威热泵科技有限公司",
    "经销商管理政策（2024版）",
    "文件编号：SW-QD-2024-01    发布部门：渠道管理部    生效日期：2024年1月1日",
    "第一部分 总则",
    "1. 目的",
    "为规范森威热泵经销商渠道的准入、价格、区域及返利管理，维护市场秩序，保障公司与经销商的共同利益，特制定本政策。",
    "2. 适用范围",
    "本政策适用于与公司签订《经销合作协议》的全部一级经销商、二级经销商及授权专卖店，覆盖家用空气源热泵、热泵热水器及商用热泵产品。",
    "3. 经销商等级",
    "3.1 一级经销商：直接向公司进货，负责一个地级市区域的销售与二级网点管理，年度采购任务不低于300万元。",
    "3.2 二级经销商：可直接向公司进货或由一级经销商供货，负责县级区域，年度采购任务不低于80万元。",
    "3.3 授权专卖店：以“森威热泵”品牌形象开设的零售门店，须经渠道管理部验收授牌。",
    "第二部分 准入与退出",
    "4. 准入条件",
    "4.1 具有独立法人资格，一级经销商注册资本不低于100万元，二级经销商不低于30万元。",
    "4.2 一级经销商须配备不少于3名持有制冷设备安装操作证的安装技术人员，二级经销商不少于2名。",
    "4.3 一级经销商须设有不少于80平方米的展厅，二级经销商展示面积不少于30平方米。",
    "4.4 新经销商须缴纳履约保证金，标准见下表；保证金不计利息，合作终止且无违约时在60日内全额退还。",
    "[TABLE_DEPOSIT]",
    "5. 签约流程",
    "5.1 意向经销商提交申请表及营业执照复印件，由区域销售经理进行实地考察，并在10个工作日内出具考察报告。",
    "5.2 考察报告经大区总监和渠道管理部经理审批后，签订为期1年的《经销合作协议》，到期前30天进行续约评估。",
    "6. 考核与退出",
    "6.1 年度采购任务完成率低于60%的经销商，下一年度降一级或取消区域独家权；连续两年低于60%的，不再续约。",
    "6.2 经销商如出现严重违约（包括窜货两次以上、假冒产品、恶意拖欠货款超过90天），公司有权立即终止合作并扣除保证金。",
    "第三部分 价格与区域管理",
    "7. 价格体系",
    "7.1 公司统一发布《建议零售价目表》，经销商实际零售成交价不得低于建议零售价的90%。",
    "7.2 参与政府、学校、医院等公开招标项目时，投标价须提前报渠道管理部备案，特价项目须取得公司特价审批单。",
    "7.3 线上平台（含电商、直播）销售须另行取得公司书面授权，线上标价不得低于建议零售价。",
    "8. 区域保护与窜货管理",
    "8.1 公司对一级经销商实行区域保护，同一地级市原则上只设1家一级经销商。",
    "8.2 窜货处罚：第一次发现，罚款1万元并扣减当季返利的50%；第二次发现，罚款3万元并取消全年返利；第三次发现，取消经销资格。",
    "8.3 每台产品的机身条码与发货区域绑定，公司市场稽查组每季度进行不少于1次市场抽查。",
    "第四部分 订货、付款与物流",
    "9. 订货与付款",
    "9.1 经销商通过森威渠道订货平台下单，常规订单原则上款到发货。",
    "9.2 合作满1年且无不良记录的一级经销商可申请信用账期，账期最长30天，授信额度不超过上一年度采购额的20%。",
    "9.3 逾期付款超过15天的，按日万分之五收取违约金，并暂停信用额度。",
    "10. 物流与验收",
    "10.1 标准产品在订单确认后7个工作日内发货；商用定制机组交期为25个工作日。",
    "10.2 单次订货金额满5万元的，运费由公司承担；不足5万元的，运费由经销商承担。",
    "10.3 经销商须在到货后48小时内完成验货，外包装破损或数量短缺须在签收单上注明并拍照上报，逾期视为验收合格。",
    "第五部分 返利与市场支持",
    "11. 年度返利",
    "11.1 年度返利按经销商全年实际回款的采购额分档计算，以货款形式在次年3月31日前冲抵货款，不予现金兑付。",
    "[TABLE_REBATE]",
    "11.2 享受返利的前提条件：全年无窜货、无乱价记录，且年度任务完成率不低于80%。",
    "11.3 第四季度单独设立冲量奖：第四季度回款额超过全年任务25%的部分，额外给予1%的奖励。",
    "12. 市场推广支持",
    "12.1 公司按经销商季度采购额的2%计提市场推广费用，用于门店活动、广告投放及展会。",
    "12.2 市场推广费用须在活动开始前15天通过渠道订货平台申报，活动结束后30天内凭发票及照片核销，逾期作废。",
    "12.3 新开设或升级形象的授权专卖店，公司给予展厅装修补贴，每店最高3万元，并按出厂价的50%提供样机（每店不超过5台）。",
    "13. 培训支持",
    "13.1 公司每年为经销商举办不少于2次集中培训（产品、安装、售后），每次培训免收培训费，差旅费由经销商自理。",
    "13.2 经销商新招聘的安装人员须参加公司安装认证培训，考核合格后颁发《森威安装资格证》，有效期2年。",
    "第六部分 售后服务",
    "14. 安装与售后责任",
    "14.1 经销商负责其销售产品的安装调试，须严格执行公司《安装质量标准》。",
    "14.2 保修期内的配件由公司免费提供，经销商凭故障件返厂换新；公司按家用机每台300元、商用机每台800元的标准支付安装补贴。",
    "14.3 经销商须在接到用户报修后24小时内响应，48小时内上门；因经销商原因造成用户投诉的，每起扣减服务保证金500元。",
    "第七部分 附则",
    "15. 本政策由渠道管理部负责解释，渠道管理部联系电话：0571-8826-4410，邮箱：channel@sunwei-hp.com。",
    "16. 本政策自2024年1月1日起执行，《经销商管理办法（2022版）》同时废止。",
]
REBATE = [
    ["档位", "年度采购额（万元）", "返利比例", "备注"],
    ["第一档", "100以下", "2%", "仅限二级经销商"],
    ["第二档", "100（含）至300", "3.5%", "—"],
    ["第三档", "300（含）至500", "5%", "—"],
    ["第四档", "500（含）以上", "6.5%", "另奖励海外考察名额1个"],
]
DEPOSIT = [
    ["经销商类别", "履约保证金", "服务保证金"],
    ["一级经销商", "50,000元", "10,000元"],
    ["二级经销商", "20,000元", "5,000元"],
    ["授权专卖店", "10,000元", "3,000元"],
]
d = Document()
st = d.styles["Normal"]
st.font.name = "SimSun"
st.font.size = Pt(10.5)
for p in DOC2_PARAS:
    if p.startswith("[TABLE_"):
        rows = REBATE if p == "[TABLE_REBATE]" else DEPOSIT
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for i, r in enumerate(rows):
            for j, c in enumerate(r):
                t.cell(i, j).text = c
        continue
    para = d.add_paragraph(p, style="Normal")
    if p.startswith("第") and "部分" in p[:5] or p in ("森威热泵科技有限公司", "经销商管理政策（2024版）"):
        for run in para.runs:
            run.bold = True
d.save(os.path.join(KB, "森威热泵经销商管理政策2024版(定稿).docx"))

# ---------------------------------------------------------------- 3. English price list PDF
class PricePDF(FPDF):
    def header(self):
        self.set_font("Helvetica", "B", 9)
        self.set_text_color(0, 70, 120)
        self.cell(0, 6, "Sunwei Heat Pump Technology Co., Ltd.", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 6, "Doc No. SW-IPL-2024-07  Rev. B", align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(0, 70, 120)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, "Confidential - for authorised distributors only", align="R")

def h(pdf, txt):
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, txt, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)

def para(pdf, txt):
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5.5, txt, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)

def table(pdf, rows, widths, fs=8.5):
    pdf.set_font("Helvetica", "", fs)
    with pdf.table(col_widths=widths, line_height=5.5, text_align="CENTER",
                   borders_layout="ALL", first_row_as_headings=True) as t:
        for r in rows:
            row = t.row()
            for c in r:
                row.cell(c)
    pdf.ln(3)

pdf = PricePDF()
pdf.set_auto_page_break(True, margin=20)
pdf.alias_nb_pages()
pdf.add_page()
pdf.set_font("Helvetica", "B", 18)
pdf.cell(0, 10, "International Price List & Product Catalogue", new_x="LMARGIN", new_y="NEXT", align="C")
pdf.set_font("Helvetica", "", 11)
pdf.cell(0, 7, "Air-Source Heat Pumps and Heat Pump Water Heaters - Edition Q3 2024", new_x="LMARGIN", new_y="NEXT", align="C")
pdf.ln(4)
h(pdf, "1. General Notes")
para(pdf, "1.1 All prices are quoted in US dollars (USD), FOB Ningbo, per unit, excluding import duties and local taxes.")
para(pdf, "1.2 This price list is valid from 1 July 2024 to 31 December 2024 and supersedes SW-IPL-2024-01.")
para(pdf, "1.3 Performance figures are measured at A7/W35 (air 7 C, water outlet 35 C) according to EN 14511 unless otherwise stated.")
para(pdf, "1.4 Noise levels are sound pressure levels measured at 1 m distance in free field.")
para(pdf, "1.5 Sunwei reserves the right to change specifications without prior notice. Prices for orders confirmed before a price change remain fixed for 60 days.")
h(pdf, "2. Residential Monoblock Series (SW-R)")
para(pdf, "Model code key: SW = Sunwei, R = residential, E = eco (natural refrigerant), C = commercial, H = hot water heater; the number is the nominal heating capacity in kW (or tank volume in litres for SWH).")
para(pdf, "Monoblock heat pumps for space heating, cooling and domestic hot water in apartments and villas. Single-phase 220-240 V for models up to 12 kW; 3-phase 380-415 V for 16 kW.")
table(pdf, [
    ["Model", "Heating capacity (kW)", "COP", "Refrigerant", "Noise dB(A)", "Price USD", "Lead time"],
    ["SW-R6", "6.2", "4.85", "R32", "48", "1,380", "25 days"],
    ["SW-R9", "9.1", "4.72", "R32", "50", "1,690", "25 days"],
    ["SW-R12", "12.3", "4.60", "R32", "52", "2,050", "30 days"],
    ["SW-R16", "16.0", "4.45", "R32", "55", "2,580", "30 days"],
], (22, 30, 16, 22, 22, 22, 22))
h(pdf, "3. Eco Series with Natural Refrigerant (SWE-R290)")
para(pdf, "Propane (R290) monoblock units with GWP of 3, suitable for markets with F-gas restrictions. Maximum water outlet temperature 75 C. ErP energy label A+++ (35 C application).")
table(pdf, [
    ["Model", "Heating capacity (kW)", "COP", "Refrigerant", "Noise dB(A)", "Price USD", "Lead time"],
    ["SWE-R290-8", "8.0", "5.10", "R290", "46", "2,150", "35 days"],
    ["SWE-R290-12", "12.0", "4.95", "R290", "49", "2,690", "35 days"],
    ["SWE-R290-18", "18.0", "4.80", "R290", "53", "3,420", "40 days"],
], (26, 30, 16, 22, 22, 22, 22))
h(pdf, "4. Commercial Series (SWC)")
para(pdf, "Modular commercial heat pumps for hotels, schools, hospitals and swimming pools. Up to 16 modules can be connected in cascade with one central controller. 3-phase 380-415 V, 50 Hz.")
table(pdf, [
    ["Model", "Heating capacity (kW)", "COP", "Refrigerant", "Noise dB(A)", "Price USD", "Lead time"],
    ["SWC-30", "30.5", "4.30", "R410A", "60", "5,900", "40 days"],
    ["SWC-60", "61.0", "4.25", "R410A", "64", "10,800", "45 days"],
    ["SWC-120", "122.0", "4.18", "R410A", "68", "19,600", "60 days"],
    ["SWC-60HT", "58.0", "3.60", "R134a/R410A", "66", "14,200", "60 days"],
], (22, 30, 16, 26, 22, 22, 22))
para(pdf, "Note: SWC-60HT is a cascade high-temperature unit delivering water up to 85 C, recommended for hotel laundries and kitchens.")
pdf.add_page()
h(pdf, "5. Heat Pump Water Heaters (SWH)")
para(pdf, "All-in-one water heaters with enamel-lined tank and magnesium anode. COP measured at A20/W15-55 according to EN 16147.")
table(pdf, [
    ["Model", "Tank (L)", "Heating capacity (kW)", "COP", "Refrigerant", "Noise dB(A)", "Price USD", "Lead time"],
    ["SWH-150", "150", "1.5", "3.60", "R32", "42", "690", "20 days"],
    ["SWH-200", "200", "1.8", "3.80", "R32", "43", "780", "20 days"],
    ["SWH-300", "300", "2.6", "3.75", "R32", "45", "990", "25 days"],
    ["SWH-500", "500", "4.5", "3.70", "R134a", "48", "1,640", "30 days"],
], (20, 16, 28, 14, 22, 20, 20, 20))
h(pdf, "6. Accessories and Spare Parts")
table(pdf, [
    ["Part No.", "Description", "Price USD", "Lead time"],
    ["ACC-WF01", "Wi-Fi control module (Sunwei Home app)", "45", "7 days"],
    ["ACC-BT100", "Buffer tank 100 L", "260", "15 days"],
    ["ACC-ES03", "Electric backup heater 3 kW", "85", "7 days"],
    ["ACC-CC16", "Cascade central controller (up to 16 modules)", "480", "20 days"],
    ["ACC-AV10", "Anti-vibration rubber feet (set of 4)", "18", "7 days"],
], (30, 90, 30, 30))
pdf.add_page()
h(pdf, "7. Commercial Terms")
para(pdf, "7.1 Minimum order quantity (MOQ): 10 units per residential model, 2 units per commercial model, or one mixed 20' container.")
para(pdf, "7.2 Payment: 30% T/T deposit with the purchase order, 70% T/T balance before shipment. Irrevocable L/C at sight is accepted for orders above USD 50,000.")
para(pdf, "7.3 Volume discount: 3% for a full 20' container order, 5% for a full 40'HQ container order. Annual purchases above USD 500,000 qualify for an additional 2% year-end rebate.")
para(pdf, "7.4 Lead times are counted in calendar days from receipt of deposit. Peak season (September to November) may add up to 15 days.")
para(pdf, "7.5 OEM branding is available for orders of at least 300 units per model per year; a one-off tooling and labelling fee of USD 1,500 applies.")
para(pdf, "7.6 Loading capacity: a 40'HQ container holds approximately 96 units of SW-R9 or 150 units of SWH-200.")
h(pdf, "8. Export Warranty")
para(pdf, "8.1 Standard export warranty: 2 years for the complete unit and 5 years for the compressor, counted from the bill of lading date.")
para(pdf, "8.2 Sunwei supplies 1% free spare parts with every container order to support local service.")
para(pdf, "8.3 Warranty claims must be submitted within 30 days of the failure with the serial number, photos and fault code via the Sunwei partner portal.")
para(pdf, "8.4 Damage caused by incorrect installation, unstable power supply or use of non-approved refrigerant is excluded from warranty.")
h(pdf, "9. Certifications")
para(pdf, "CE, ErP, EN 14511, EN 16147, Keymark (SW-R and SWE-R290 series), RoHS, and ISO 9001 / ISO 14001 factory certification. The SWC series holds CE and ErP only; Keymark certification for SWC is expected in Q2 2025.")
h(pdf, "10. Ordering Process")
para(pdf, "Step 1: Send a purchase order to your Sunwei account manager stating model, quantity, voltage, plug type and required labelling.")
para(pdf, "Step 2: Sunwei issues a Proforma Invoice (PI) within 2 working days; the PI is valid for 7 days.")
para(pdf, "Step 3: Pay the 30% deposit. Production is scheduled only after the deposit is received.")
para(pdf, "Step 4: Sunwei sends pre-shipment inspection photos and the test report; third-party inspection (SGS, BV) can be arranged at the buyer's cost.")
para(pdf, "Step 5: Pay the 70% balance; Sunwei books the vessel and sends the bill of lading copy, packing list and certificate of origin.")
h(pdf, "11. Contact")
para(pdf, "International Sales Department, Sunwei Heat Pump Technology Co., Ltd., No. 88 Xingye Road, Yuhang District, Hangzhou, China.")
para(pdf, "Tel: +86 571 8826 4600   E-mail: export@sunwei-hp.com   Sales manager for Europe: Ms. Linda Zhou; Middle East and Africa: Mr. Kevin Wang.")
pdf.output(os.path.join(KB, "Sunwei_Intl_PriceList_Q3-2024_SW-IPL-2024-07.pdf"))

# ---------------------------------------------------------------- 4. Chinese warranty PDF
class ZhPDF(FPDF):
    def header(self):
        self.set_font("wqy", "", 8.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, "森威热泵科技有限公司  保修及安装质量告知书", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 6, "编号：SW-QA-2024-03", align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("wqy", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"第 {self.page_no()} 页 共 {{nb}} 页", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, "本告知书一式两份，用户与安装单位各执一份", align="R")

zp = ZhPDF()
zp.add_font("wqy", "", FONT)
zp.set_auto_page_break(True, margin=20)
zp.alias_nb_pages()
zp.add_page()
zp.set_font("wqy", "", 16)
zp.cell(0, 10, "产品保修及安装质量告知书", align="C", new_x="LMARGIN", new_y="NEXT")
zp.set_font("wqy", "", 10)
zp.cell(0, 6, "适用产品：森威家用空气源热泵、热泵热水器及商用热泵机组（2024年1月1日后售出）", align="C", new_x="LMARGIN", new_y="NEXT")
zp.ln(3)

def zh(txt):
    zp.ln(1.5)
    zp.set_font("wqy", "", 12)
    zp.multi_cell(0, 7, txt, new_x="LMARGIN", new_y="NEXT")
    zp.set_font("wqy", "", 10)

def zpara(txt):
    zp.set_font("wqy", "", 10)
    zp.multi_cell(0, 6, txt, new_x="LMARGIN", new_y="NEXT")

zpara("尊敬的用户：感谢您选购森威热泵产品。为保障您的合法权益，请在安装验收时仔细阅读本告知书，并妥善保管购机发票及保修卡。")
zh("一、保修期限")
zpara("1.家用空气源热泵（含SW-R系列）：整机保修3年，压缩机保修6年。")
zpara("2.热泵热水器（SWH系列）：整机保修3年，压缩机保修6年，搪瓷水箱内胆保修8年。")
zpara("3.商用热泵机组（SWC系列）：整机保修2年，压缩机保修5年。")
zpara("4.保修期自购机发票开具之日起计算；无发票的，以出厂日期后推90天起算。")
zpara("5.配件更换后，所更换配件的保修期为90天或原整机剩余保修期，两者取较长者。")
zh("二、保修范围")
zpara("1.在保修期内，产品在正常使用条件下出现的因材料或制造工艺导致的质量故障，公司免费提供维修服务及配件。")
zpara("2.用户自购机之日起15日内出现性能故障的，可选择换货或维修；30日内出现主要部件故障且经两次维修仍无法正常使用的，可申请换货。")
zpara("3.保修期内上门服务免收上门费、工时费；远程区域（距最近服务网点超过50公里）上门时限可适当延长。")
zh("三、不属于保修范围的情形")
zpara("1.未经森威授权的安装单位或个人安装、移机、拆修造成的故障。")
zpara("2.因电源电压不稳（超出额定电压±10%）、雷击、水灾、火灾等不可抗力造成的损坏。")
zpara("3.因水质问题（如总硬度超过300mg/L未加装软水装置）造成的结垢、堵塞及换热器损坏。")
zpara("4.冬季停机未按要求排空水路或未开启防冻功能导致的冻裂损坏。")
zpara("5.易耗品，如过滤网、镁棒、保温材料、遥控器电池等，不在保修范围内，镁棒建议每2年更换一次。")
zpara("6.无保修卡、机身条码被涂改或撕毁的产品。")
zh("四、安装质量标准")
zpara("1.室外机安装位置：机组背面距墙不少于300mm，侧面不少于500mm，出风口前方1500mm内不得有遮挡物。")
zpara("2.机组须安装在承重不低于机组运行重量3倍的混凝土基础或钢支架上，基础高度不低于200mm，并加装减震垫。")
zpara("3.冷媒管路抽真空须达到-0.1MPa并保压15分钟，压力表指针无回升方为合格。")
zpara("4.水系统安装完成后须进行水压试验：试验压力0.6MPa，保压30分钟无渗漏、压降不超过0.05MPa。")
zpara("5.所有室外水管须采用厚度不小于20mm的橡塑保温材料包覆，北方地区须加装电伴热带。")
zpara("6.电源须使用独立回路并安装漏电保护开关，接地电阻不大于4欧姆。")
zpara("7.安装完成后，安装人员须填写《安装验收单》，由用户签字确认；验收单须在3个工作日内上传至森威服务系统。")
zh("五、用户使用须知")
zpara("1.请勿在机组周围堆放杂物，定期（建议每3个月）清理室外机翅片表面的灰尘和落叶。")
zpara("2.冬季长期停机（超过7天）且环境温度可能低于0℃时，须排空水路或保持通电以启用防冻保护。")
zpara("3.热水器出水温度出厂设定为55℃，建议家中有老人和儿童时不要设置高于60℃。")
zpara("4.每年供暖季前建议进行一次保养检查，保修期内的年度保养首次免费。")
zh("六、报修流程")
zpara("1.用户拨打森威全国服务热线400-870-6688（每天8:00-20:00）或通过“森威热泵服务”微信公众号报修，提供机身条码和故障现象。")
zpara("2.服务中心在2小时内电话联系用户确认故障信息并预约上门时间。")
zpara("3.城区用户报修后24小时内上门，县区及乡镇用户48小时内上门，商用项目报修后4小时内响应。")
zpara("4.维修完成后，服务人员须出具维修单，用户签字确认；服务中心在3天内进行电话回访。")
zpara("5.用户对处理结果不满意的，可拨打投诉电话0571-8826-4488，公司将在5个工作日内给予书面答复。")
zh("七、保修期外收费标准")
zpara("1.保修期外上门服务收取上门费80元/次，工时费150元/小时（不足1小时按1小时计）。")
zpara("2.配件按公司统一公布的配件价格收费，维修所换配件享受90天保修。")
zpara("3.冷媒补充按实际用量收费：R32冷媒120元/公斤，R410A冷媒150元/公斤。")
zpara("4.移机服务（含拆装）家用机收费600元/次，管路加长部分另计每米80元。")
zh("八、其他")
zpara("1.本告知书未尽事宜，按照《中华人民共和国消费者权益保护法》及国家“三包”相关规定执行。")
zpara("2.本告知书自2024年3月1日起施行，由森威热泵科技有限公司售后服务部负责解释。")
zpara("用户签字：__________    安装单位（盖章）：__________    安装日期：____年__月__日")
zp.output(os.path.join(KB, "森威热泵保修及安装质量告知书_SW-QA-2024-03.pdf"))

# ---------------------------------------------------------------- 5. English intranet HTML
HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>After-Sales Complaint Handling Procedure | Sunwei Connect Intranet</title>
<link rel="stylesheet" href="/static/css/sunwei-connect.min.css?v=4.2.1">
<style>
  body { font-family: Arial, sans-serif; margin: 0; }
  .topnav a { margin-right: 14px; }
  #cookie-banner { position: fixed; bottom: 0; background: #222; color: #fff; padding: 10px; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-88264-7');
</script>
</head>
<body>
<div id="cookie-banner">
  This intranet uses cookies to remember your login and language preferences. Analytics cookies are kept for 13 months.
  By continuing to browse you accept our <a href="/policies/cookies">Cookie Policy</a>.
  <button onclick="this.parentNode.style.display='none'">Accept all</button> <button>Manage preferences</button>
</div>
<header>
  <div class="logo"><img src="/static/img/sunwei-logo.svg" alt="Sunwei Connect"> Sunwei Connect</div>
  <nav class="topnav">
    <a href="/">Home</a> <a href="/news">News</a> <a href="/sales">Sales</a> <a href="/service">After-Sales Service</a>
    <a href="/hr">HR &amp; Benefits</a> <a href="/it">IT Helpdesk</a> <a href="/directory">People Directory</a>
    <form action="/search"><input type="text" placeholder="Search Sunwei Connect..."><button>Go</button></form>
    <span class="user">Logged in as: sales_user | <a href="/logout">Log out</a> | <a href="?lang=zh">中文</a></span>
  </nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/service">After-Sales Service</a> &gt; <a href="/service/procedures">Procedures</a> &gt; Complaint Handling</div>
<div class="container">
<aside class="sidebar">
  <h3>Service Procedures</h3>
  <ul>
    <li><a href="/service/procedures/installation-dispatch">Installation Dispatch</a></li>
    <li><a href="/service/procedures/complaints" class="active">Complaint Handling</a></li>
    <li><a href="/service/procedures/spare-parts">Spare Parts Return</a></li>
    <li><a href="/service/procedures/warranty-claims">Warranty Claims</a></li>
    <li><a href="/service/procedures/annual-maintenance">Annual Maintenance Contracts</a></li>
  </ul>
  <h3>Quick Links</h3>
  <ul>
    <li><a href="/forms/SV-F07.docx">Form SV-F07 Complaint Record</a></li>
    <li><a href="/forms/SV-F09.docx">Form SV-F09 Compensation Request</a></li>
    <li><a href="/it/crm">CRM login</a></li>
    <li><a href="/canteen">Canteen menu this week</a></li>
  </ul>
</aside>
<main>
<h1>After-Sales and Installation Complaint Handling Procedure</h1>
<p class="meta">Document SV-P-012, version 3.1 | Owner: After-Sales Service Department | Approved by: VP of Customer Service | Effective 15 May 2024 | Last updated by j.chen on 02/09/2024</p>
<p>This procedure tells sales representatives, service engineers and hotline agents how to receive, classify, investigate and close complaints about Sunwei heat pump products and their installation. Every complaint must be logged in the CRM within 2 hours of receipt, regardless of the channel through which it arrives.</p>

<h2>1. Scope and Responsibilities</h2>
<p>The procedure covers complaints from end users, hotels, schools, contractors and dealers about product faults, installation quality, service attitude, delivery delays and billing. Complaints about a dealer's installation are handled the same way; the dealer is informed and is expected to cooperate.</p>
<ul>
  <li>Complaint owner: the regional Service Supervisor, who is accountable until the case is closed.</li>
  <li>Sales representative: informs the customer, supports the site visit and keeps the commercial relationship.</li>
  <li>Quality Department: performs root-cause analysis for any case involving a repeated fault (the same fault on the same unit twice within 90 days).</li>
</ul>

<h2>2. Complaint Classification</h2>
<p>Each complaint is classified at logging time. The classification decides the response deadline.</p>
<ol>
  <li>Level A (critical): a hotel, school, hospital or other commercial site has no heating or no hot water, or there is a safety risk (water leakage into electrical parts, burning smell, refrigerant leak). First response within 1 hour; engineer on site within 4 hours in urban areas.</li>
  <li>Level B (major): a residential customer has no heating or hot water, or a commercial unit runs with reduced output. First response within 4 hours; engineer on site within 24 hours.</li>
  <li>Level C (general): noise, appearance damage, app or controller issues, service attitude, invoice questions. First response within 24 hours; resolution within 5 working days.</li>
</ol>
<p>Any complaint that mentions media, social networks, lawyers or the consumer association (12315) is automatically upgraded by one level and copied to the Public Relations Manager.</p>

<h2>3. Receiving and Logging a Complaint</h2>
<ol>
  <li>Thank the customer, listen without arguing and record the customer name, phone number, site address and unit serial number.</li>
  <li>Open a new case in the CRM under "Service &gt; Complaints" and attach Form SV-F07 Complaint Record; the CRM generates a case number starting with "CP-".</li>
  <li>Select the complaint level (A, B or C) and the category: product, installation, service, delivery or billing.</li>
  <li>Tell the customer the case number and the expected response time for the level.</li>
  <li>If you are a sales representative, forward the case to the regional Service Supervisor by CRM task; do not promise compensation or replacement on the phone.</li>
</ol>

<h2>4. Site Inspection and Root-Cause Analysis</h2>
<ol>
  <li>The Service Supervisor assigns a certified service engineer within 30 minutes for Level A and within 4 hours for Level B and C cases.</li>
  <li>The engineer contacts the customer before the visit and brings the installation acceptance record and spare-parts kit for the model.</li>
  <li>On site, the engineer takes at least 6 photos (unit nameplate, outdoor unit clearance, piping insulation, electrical connection, controller display with fault code, water pressure gauge).</li>
  <li>The engineer completes the inspection checklist and states whether the cause is product, installation, usage or external (power, water quality).</li>
  <li>If the cause is installation by a dealer, the Service Supervisor sends a rectification notice to the dealer, who must fix the problem within 3 working days at its own cost.</li>
  <li>For repeated faults, the Quality Department issues an 8D report within 10 working days.</li>
</ol>

<h2>5. Resolution and Compensation</h2>
<p>Compensation is only offered when the company is responsible. Use Form SV-F09 Compensation Request. Approval limits per case:</p>
<ol>
  <li>Service Supervisor: up to RMB 2,000 (or free accessories / extended warranty of up to 1 year).</li>
  <li>Regional Service Manager: up to RMB 10,000.</li>
  <li>Director of After-Sales Service: up to RMB 50,000, or unit replacement.</li>
  <li>Above RMB 50,000, or full refund of a commercial project: VP of Customer Service together with the CFO.</li>
</ol>
<p>For Level A commercial cases where the outage lasts more than 48 hours, the supervisor may arrange a temporary electric boiler or mobile hot-water unit at company cost without waiting for approval.</p>

<h2>6. Escalation</h2>
<ol>
  <li>If a Level A case is not resolved within 24 hours, the Service Supervisor escalates to the Regional Service Manager.</li>
  <li>If it is not resolved within 72 hours, the case is escalated to the Director of After-Sales Service and reported in the daily management call.</li>
  <li>Level B cases open for more than 5 days and Level C cases open for more than 10 working days are escalated one level automatically by the CRM.</li>
  <li>Customers who ask to escalate can call the complaint hotline 0571-8826-4488 or email complaints@sunwei-hp.com.</li>
</ol>

<h2>7. Closing and Follow-up</h2>
<ol>
  <li>A case can be closed only after the customer confirms the solution by signature, SMS or recorded call.</li>
  <li>The hotline team makes a satisfaction call within 7 days of closing, using a 1 to 5 score.</li>
  <li>A score below 3 reopens the case and the Regional Service Manager calls the customer personally within 2 working days.</li>
  <li>Monthly complaint statistics are published on the 5th working day of each month; the target complaint closure rate is 95% within the deadline.</li>
</ol>

<h2>8. Records</h2>
<p>Complaint records, photos and compensation forms are kept in the CRM for 5 years. Paper forms signed by customers are scanned and the originals are archived at the regional office for 3 years.</p>
<p class="related">Related documents: SV-P-008 Installation Dispatch Procedure; SV-P-015 Warranty Claim Procedure; QA-P-003 8D Problem Solving.</p>
</main>
</div>
<footer>
  <p>&copy; 2024 Sunwei Heat Pump Technology Co., Ltd. - Sunwei Connect intranet v4.2.1, maintained by IT Services.</p>
  <p>Problems with this page? Contact the IT Helpdesk at ext. 8000 or it-help@sunwei-hp.com (Mon-Fri 8:30-17:30).</p>
  <p><a href="/policies/privacy">Privacy Notice</a> | <a href="/policies/cookies">Cookie Policy</a> | <a href="/policies/acceptable-use">Acceptable Use</a> | <a href="/accessibility">Accessibility</a></p>
  <p>Page views: 1,842 | Rated 4.3/5 by 27 colleagues</p>
</footer>
</body>
</html>
"""
with open(os.path.join(KB, "service_complaint-procedure_SV-P-012.html"), "w", encoding="utf-8") as f:
    f.write(HTML)

# ---------------------------------------------------------------- 6. long Chinese policy txt
DOC6 = """森威热泵科技有限公司
销售费用及客户招待管理办法
（文件编号：SW-CW-2024-05  版本：V3.0  发布部门：财务部、合规部）
第一章 总则
第一条 为规范公司销售费用的使用，防范商业贿赂风险，确保业务招待活动合法、合规、合理，根据国家有关法律法规及公司《员工行为准则》，制定本办法。
第二条 本办法适用于公司营销中心、商用项目部、海外业务部及各区域销售部的全体员工，以及经公司授权代表公司开展业务的人员。
第三条 销售费用包括业务招待费、礼品费、差旅费、市场推广费、会议费及样品费。公司年度销售费用总额原则上不得超过当年销售收入的6%。
第四条 费用使用遵循“事前申请、限额控制、真实发生、据实报销”的原则，严禁虚开发票、拆分报销或以个人名义垫付后转嫁给客户。
第二章 业务招待
第五条 业务招待费用标准：一线城市（北京、上海、广州、深圳、杭州）每人每餐不超过300元，其他城市每人每餐不超过200元，陪同人员不得超过客户人数。
第六条 单次招待总额在3,000元以下的，由区域销售经理审批；3,000元（含）至10,000元的，须提前由区域总监审批；10,000元（含）以上的，须经分管副总裁审批。
第七条 招待场所限于正规餐饮场所，严禁在KTV、洗浴中心、高尔夫球场、私人会所等娱乐场所招待客户，严禁提供或参与任何形式的赌博活动。
第八条 招待活动结束后5个工作日内，须在费用系统提交招待报销单，写明招待对象单位、人数、事由，并附发票及消费清单。
第九条 同一客户单位每月招待原则上不超过2次；确因项目需要超过的，须报区域总监书面批准。
第十条 公司正在参与投标的项目，自招标公告发布之日起至中标结果公示之日止，严禁对招标方、评标专家及代理机构人员进行任何形式的招待或赠礼。
第三章 礼品赠送与收受
第十一条 向客户赠送礼品，单件价值不得超过500元，同一客户每年累计不得超过2,000元，礼品优先选用印有公司标识的宣传品。
第十二条 向政府机关、事业单位及国有企业（含公立学校、公立医院）工作人员赠礼的，单件价值不得超过200元，且仅限公司标识宣传品。
第十三条 严禁向任何客户赠送现金、购物卡、预付卡、有价证券、电子红包或贵重金属制品。
第十四条 员工收受客户或供应商礼品价值超过200元的，须在收到之日起5个工作日内向合规部申报登记，并按合规部意见上交或退还。
第十五条 礼品须由市场部统一采购并建立台账，销售人员领用礼品时须登记领用人、赠送对象及用途，每季度由财务部盘点一次。
第四章 差旅费用
第十六条 交通工具标准：单程800公里以内的优先乘坐高铁二等座；800公里以上可乘坐飞机经济舱；副总裁及以上人员可乘坐高铁一等座。
第十七条 住宿标准：一线城市每人每晚不超过500元，省会城市每人每晚不超过400元，其他城市每人每晚不超过350元；同性别员工同行出差原则上两人一间。
第十八条 出差伙食补贴按每人每天100元包干发放，已由客户或公司安排用餐的，当餐补贴相应扣除（早餐20元，午餐、晚餐各40元）。
第十九条 市内交通原则上乘坐公共交通；携带样机或夜间22:00以后可乘坐出租车或网约车，单次超过150元的须在报销单中说明原因。
第二十条 使用私家车办理公务的，按每公里0.8元给予补贴，须在OA系统提交行车记录，过路费、停车费凭票另行报销。
第五章 市场推广与会议
第二十一条 区域推广活动（如小区团购会、行业交流会）须提前15天提交活动方案及预算，单场预算5万元以下由大区总监审批，5万元以上由营销副总裁审批。
第二十二条 公司举办的客户会议、技术交流会，每人每天综合费用（含会场、餐饮、住宿）不得超过800元，会议不得安排旅游景点参观。
第二十三条 向客户提供的样机，须签订《样机使用协议》，样机价值超过2万元的须由销售总监审批；试用期满后30天内收回或转为销售。
第六章 报销与审核
第二十四条 各类费用须在发生后30天内提交报销，跨年度费用须在次年1月15日前报销完毕，逾期不予报销。
第二十五条 报销须提供合法有效的增值税发票，发票抬头须为“森威热泵科技有限公司”；单笔1,000元以上的费用原则上须通过公务卡或对公转账支付。
第二十六条 财务部每月对销售费用进行抽查，抽查比例不低于报销单据总数的10%；合规部每半年开展一次专项审计。
第五章之二 第三方合作
第二十七条 聘请第三方咨询顾问或居间服务机构协助开拓业务的，须事先通过合规部尽职调查，服务费用不得超过合同金额的3%，且严禁以现金支付。
第七章 违规处理与举报
第二十八条 违反本办法的，视情节轻重给予以下处理：（一）首次轻微违规，书面警告并退回违规费用；（二）虚假报销或超标准招待金额在5,000元以上的，扣发当季提成并降级；（三）涉及商业贿赂的，解除劳动合同，构成犯罪的移交司法机关。
第二十九条 各级审批人对所审批费用的真实性负连带责任，审批违规费用的，按违规金额的20%扣减审批人绩效奖金。
第三十条 公司设立合规举报渠道：举报电话0571-8826-4499，举报邮箱compliance@sunwei-hp.com。公司对举报人信息严格保密，对查证属实的举报给予500元至5,000元奖励。
第八章 附则
第三十一条 本办法由财务部和合规部共同负责解释。
第三十二条 本办法自2024年7月1日起施行，原《销售费用报销规定（2020版）》同时废止。海外业务部的境外招待标准另行规定。
"""
with open(os.path.join(KB, "销售费用及客户招待管理办法V3.0.txt"), "w", encoding="utf-8") as f:
    f.write(DOC6)
print("generated:", sorted(os.listdir(KB)))
