"""Writes questions.jsonl. Each row: (source, section, lang, kind, q, facts) or unanswerable rows."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "questions.jsonl")

A = "销售人员岗位职责.txt"
B = "Customer_Service_Handbook.docx"
C = "Pricing_Guide_2026.pdf"
D = "warranty-faq.html"
E = "客户信用管理制度.txt"

rows = []


def ans(src, sec, lang, kind, q, facts):
    rows.append({"q": q, "lang": lang, "kind": kind, "answerable": True, "source": src, "section": sec, "facts": facts})


def no(lang, kind, q, boiler=False):
    r = {"q": q, "lang": lang, "kind": kind, "answerable": False}
    if boiler:
        r["boilerplate"] = True
    rows.append(r)


# ---------- A: 销售人员岗位职责.txt (web-copied Chinese article) ----------
S1 = "（一）客户开发"; S2 = "（二）订单与合同管理"; S3 = "（三）回款管理"; S4 = "（四）市场信息收集"
ans(A, S1, "zh", "same_lang", "销售每个月要新开几家客户才算达标？", ["不少于8家"])
ans(A, S1, "zh", "same_lang", "一周得跑多少次客户？当面见的要几次", ["不少于15次", "不少于6次"])
ans(A, S1, "zh", "chat", "拜访完了记录最晚啥时候要填进CRM啊", ["24小时内"])
ans(A, S1, "zh", "same_lang", "A类潜在客户多久要跟一次？", ["每两周至少跟进一次"])
ans(A, S2, "zh", "chat", "客户要12个点的折扣 这块谁拍板？", ["区域销售经理审批"])
ans(A, S2, "en", "cross_lang", "who signs off if I want to give more than 15% off standard price?", ["销售总监审批"])
ans(A, S2, "zh", "same_lang", "合同签了以后原件多久内要交给内勤？", ["2个工作日内"])
ans(A, S3, "en", "cross_lang", "A customer is more than 30 days overdue on payment - what am I supposed to do as the rep?", ["每周向区域销售经理书面汇报"])
ans(A, S3, "zh", "chat", "因为我自己的原因搞出坏账了 奖金到底扣多少啊", ["坏账金额的5%", "当季绩效奖金"])
ans(A, S4, "en", "cross_lang", "when's the monthly regional market report due?", ["每月25日前"])
ans(A, "三、工作流程", "zh", "procedure", "做销售每天每周的工作流程是啥样的？", ["8:30参加部门晨会", "登记拜访计划", "17:00前提交周报"])
ans(A, "三、工作流程", "en", "procedure", "What's the routine for a field rep - morning meeting, logging visits, weekly report? walk me through it", ["每日8:30参加部门晨会", "上传现场照片或会议纪要", "每周五17:00前提交周报"])
ans(A, "四、任职要求", "en", "cross_lang", "How many years of B2B sales experience does the sales job require?", ["2年以上B2B销售经验"])
ans(A, "五、考核与激励", "en", "cross_lang", "what are the KPI weights in the monthly appraisal for sales reps?", ["权重50%", "权重30%", "权重20%"])
ans(A, "五、考核与激励", "zh", "chat", "回款率到底低于多少就评不上优秀了", ["低于85%"])
ans(A, "五、考核与激励", "zh", "same_lang", "连着几个月没完成任务会被叫去谈话？", ["连续三个月未完成销售目标70%", "绩效面谈"])
ans(A, "六、行为规范", "en", "cross_lang", "How long is the handover period when a sales rep quits?", ["15个工作日"])
ans(A, "六、行为规范", "en", "cross_lang", "Client invited me to dinner, am I allowed to go?", ["接受客户宴请须事先报备"])
ans(A, "四、任职要求", "zh", "same_lang", "这个岗位一个月大概要出差几天？", ["不超过12天"])
ans(A, "一、岗位概述", "zh", "same_lang", "我们销售的直接领导是谁？", ["区域销售经理"])
ans(A, "四、任职要求", "en", "cross_lang", "do I need a driving licence for the sales job? what class?", ["C1"])
no("zh", "near_miss", "客服电话是多少？", True)
no("zh", "near_miss", "下载后可以退款吗？", True)
no("en", "near_miss", "How many download coupons do I need to get this doc?", True)
no("zh", "near_miss", "销售提成比例是多少？")
no("zh", "near_miss", "评上金牌销售额外奖金具体给多少钱？")
no("en", "off_topic", "Can you recommend a good restaurant near the Suzhou office?")

# ---------- B: Customer_Service_Handbook.docx (unstyled Word) ----------
ans(B, "2.1 Late deliveries", "en", "same_lang", "when exactly does a delivery count as late?", ["more than 2 business days after the confirmed delivery date"])
ans(B, "2.1 Late deliveries", "en", "procedure", "cust says their order still hasn't arrived, what do I do step by step?", ["Call the customer within 4 working hours", "free express shipping on their next order", "DEL-LATE"])
ans(B, "2.1 Late deliveries", "zh", "cross_lang", "货晚到超过5个工作日，可以给客户什么补偿？", ["free express shipping"])
ans(B, "2.2 Damaged goods", "en", "chat", "cust got broken goods, how long do they have to tell us??", ["within 48 hours of receipt"])
ans(B, "2.2 Damaged goods", "zh", "procedure", "客户收到的货坏了，处理流程是怎样的？", ["photos", "damage ticket", "10 business days"])
ans(B, "2.2 Damaged goods", "zh", "cross_lang", "破损补发多少钱以内我自己就能批？", ["RMB 5,000"])
ans(B, "2.3 Wrong items shipped", "en", "same_lang", "warehouse sent the wrong SKU - who pays to send it back and how fast do we ship the right one?", ["Northstar pays for the return freight", "within 3 business days"])
ans(B, "3.1 Return window", "zh", "chat", "客户想退货 到底几天内可以退啊", ["30 days"])
ans(B, "3.1 Return window", "en", "same_lang", "can customers return cut-to-length stuff?", ["cannot be returned unless they are defective"])
ans(B, "3.2 Restocking fee", "zh", "cross_lang", "退货要收多少手续费？金牌客户也收吗？", ["15%"])
ans(B, "3.3 Refund procedure", "en", "procedure", "walk me thru the refund process", ["form CS-07", "Return Authorization (RA) number", "within 10 business days after the inspection"])
ans(B, "3.3 Refund procedure", "zh", "cross_lang", "退款可以给客户现金吗？", ["Cash refunds are not allowed"])
ans(B, "4. Warranty claims", "en", "same_lang", "where do I send warranty claim details and how fast?", ["service@northstar-ltd.example", "within 1 business day"])
ans(B, "5.1 Complaint levels", "zh", "cross_lang", "二级投诉要在多久内解决？", ["7 business days"])
ans(B, "5.1 Complaint levels", "en", "chat", "client is threatening to sue us, who do i escalate to??", ["Head of Customer Operations", "Legal department"])
ans(B, "5.2 Escalation procedure", "zh", "procedure", "客户投诉升级的步骤是怎样的？", ["24 hours", "Level 1, 2 or 3", "14 days"])
ans(B, "6. Service tiers", "en", "same_lang", "what's our response time for silver customers", ["4-hour response time"])
ans(B, "6. Service tiers", "zh", "cross_lang", "金牌客户要年采购多少才够格？", ["RMB 2,000,000"])
ans(B, "7. Goodwill gestures", "zh", "chat", "我能直接给客户多少补偿不用找经理批", ["3%", "RMB 2,000"])
ans(B, "8. Customer data", "zh", "cross_lang", "客户名单可以存在自己手机上吗？", ["personal phones"])
ans(B, "9. Contacts", "en", "same_lang", "what's the ext for the warehouse dispatch desk", ["8650"])
no("en", "near_miss", "Do we compensate customers for production downtime caused by a late delivery?")
no("zh", "near_miss", "节假日客户服务热线几点上班？")
no("en", "near_miss", "Is there a separate returns procedure for export customers?")
no("zh", "off_topic", "帮我写一首关于春天的诗")

# ---------- C: Pricing_Guide_2026.pdf (PDF with header/footer) ----------
ans(C, "2. List prices", "en", "same_lang", "list price of NS-305?", ["126.00"])
ans(C, "2. List prices", "zh", "cross_lang", "NS-230 防腐涂料200升一桶多少钱？", ["14,800"])
ans(C, "2. List prices", "en", "chat", "whats the MOQ on the 300ml sealant tubes", ["24"])
ans(C, "1. How to use this guide", "zh", "cross_lang", "价目表上的价格含不含税？", ["13% VAT"])
ans(C, "3. Volume discounts", "en", "same_lang", "order comes to 180k RMB, what volume discount do they get?", ["8% discount"])
ans(C, "3. Volume discounts", "zh", "chat", "上门施工服务能不能享受量大折扣啊", ["NS-900"])
ans(C, "4. Discount approval limits", "en", "same_lang", "I want to give an extra 10% off on top of volume discount, who needs to approve?", ["Regional Sales Manager approval"])
ans(C, "4. Discount approval limits", "zh", "cross_lang", "额外折扣超过20%要谁批？要附什么材料？", ["CFO", "margin calculation"])
ans(C, "4. Discount approval limits", "en", "same_lang", "how long is a special discount approval good for?", ["valid for 30 days from the approval date"])
ans(C, "5. Project pricing", "en", "procedure", "how do I apply for project pricing for a big job?", ["RMB 1,000,000", "Project Price Request form (PR-3)", "meets every Tuesday"])
ans(C, "6. Price increases during the year", "zh", "cross_lang", "年中涨价要提前多久通知客户？", ["45 days"])
ans(C, "7. Payment terms and early payment", "en", "chat", "cust pays in a week, do they get any discount??", ["1.5%"])
ans(C, "8. Samples and trial quantities", "zh", "cross_lang", "免费样品每个客户每季度最多给多少钱的？", ["RMB 800"])
ans(C, "8. Samples and trial quantities", "zh", "chat", "新客户试单能打几折 上限多少", ["20%", "10,000"])
ans(C, "9. Freight", "en", "same_lang", "from what order value is freight free?", ["RMB 3,000 or more"])
ans(C, "9. Freight", "zh", "cross_lang", "加急次日达要另外收多少钱？", ["300 per order"])
ans(C, "10. Price list for distributors", "zh", "cross_lang", "B级经销商拿货是在标价上减多少？", ["18%"])
ans(C, "10. Price list for distributors", "en", "same_lang", "what's the min resale price distributors have to respect", ["list price minus 10%"])
ans(C, "11. Quotation rules", "en", "same_lang", "how long does a quote need to be valid, and can I just send one from excel?", ["14 days", "Excel quotations are not valid"])
ans(C, "11. Quotation rules", "zh", "cross_lang", "报价单超过30万要谁审核才能发？", ["Sales Operations"])
ans(C, "2. List prices", "en", "same_lang", "on-site service outside the city - how much for travel?", ["RMB 1.80 per km"])
no("en", "near_miss", "What's the export price for NS-500 to Vietnam?")
no("zh", "near_miss", "2027年价格预计会涨多少？")
no("en", "near_miss", "How much is the NS-600 spray valve?")
no("zh", "off_topic", "今天人民币兑美元汇率多少？")

# ---------- D: warranty-faq.html (saved intranet page) ----------
ans(D, "1. How long is the standard warranty? 标准保修期多长？", "en", "same_lang", "whats the warranty on the dispensing guns?", ["24 months"])
ans(D, "1. How long is the standard warranty? 标准保修期多长？", "zh", "same_lang", "耗材类的保修期多久？", ["12个月"])
ans(D, "1. How long is the standard warranty? 标准保修期多长？", "en", "same_lang", "what storage temp do sealants need to stay under warranty?", ["5°C and 30°C"])
ans(D, "2. What is not covered? 哪些情况不在保修范围内？", "zh", "cross_lang", "喷嘴、O型圈坏了给保修吗？", ["O-rings"])
ans(D, "3. How does a customer make a warranty claim? 如何申请保修？", "en", "procedure", "how do I file a warranty claim for my customer?", ["serial number", "Warranty Case number within 2 business days", "Suzhou service centre"])
ans(D, "3. How does a customer make a warranty claim? 如何申请保修？", "zh", "procedure", "客户设备坏了要走保修，流程怎么走？", ["1 business day", "Suzhou service centre", "10 business days"])
ans(D, "4. Repair or replace? 维修还是更换？", "en", "same_lang", "after how many repeat faults does the customer get a new unit?", ["third time"])
ans(D, "4. Repair or replace? 维修还是更换？", "en", "chat", "warranty on a repaired unit - does it restart or what?", ["rest of the original warranty or 6 months, whichever is longer"])
ans(D, "5. Can the warranty be extended? 可以延长保修吗？", "zh", "same_lang", "延保多少钱？多久之内要买？", ["交货后90天内", "设备标价的8%"])
ans(D, "5. Can the warranty be extended? 可以延长保修吗？", "en", "same_lang", "how long is the extended warranty?", ["12 additional months"])
ans(D, "6. Who pays for shipping? 运费由谁承担？", "zh", "cross_lang", "保修期内寄回维修运费谁出？", ["both ways"])
ans(D, "6. Who pays for shipping? 运费由谁承担？", "en", "same_lang", "is there a fee to look at a gun that's out of warranty?", ["RMB 200", "deducted from the repair bill"])
ans(D, "7. Loan units 备用机", "zh", "same_lang", "不是金牌客户的话借备用机怎么收费？", ["每周RMB 150"])
ans(D, "7. Loan units 备用机", "en", "same_lang", "how long can a gold customer keep a loaner for free", ["30 days"])
ans(D, "8. Can sales reps promise more than this? 销售可以承诺额外保修吗？", "zh", "chat", "客户非要3年保修 我能不能先口头答应下来", ["不得口头承诺", "Head of Technical Service"])
ans(D, "2. What is not covered? 哪些情况不在保修范围内？", "en", "chat", "customer opened up the gun himself to fix it, still under warrenty?", ["opened by anyone other than Northstar"])
ans(D, "2. What is not covered? 哪些情况不在保修范围内？", "zh", "chat", "客户自己拆开修过的 还给保不", ["私自拆修的产品不予保修"])
ans(D, "3. How does a customer make a warranty claim? 如何申请保修？", "zh", "cross_lang", "保修申请提交后多久能拿到案件号？", ["2 business days"])
ans(D, "4. Repair or replace? 维修还是更换？", "en", "same_lang", "who decides if it's repaired or swapped?", ["Technical Service decides"])
ans(D, "1. How long is the standard warranty? 标准保修期多长？", "en", "same_lang", "which products count as equipment for warranty purposes?", ["NS-500 and NS-520"])
no("en", "near_miss", "what are the cookie settings? how long do you keep cookies?", True)
no("zh", "near_miss", "VPN怎么设置？", True)
no("en", "near_miss", "what's on the canteen menu this week?", True)
no("zh", "near_miss", "延保可以开专票吗？", True)
no("zh", "near_miss", "上海今天天气怎么样？", True)
no("en", "near_miss", "If the customer buys the extended warranty, is accidental damage covered then?")

# ---------- E: 客户信用管理制度.txt (long Chinese policy) ----------
C3 = "第三章 客户信用评估"; C4 = "第四章 信用额度与信用期限"; C5 = "第五章 信用使用与控制"
C6 = "第六章 应收账款监控与催收"; C7 = "第七章 坏账管理"; C8 = "第八章 考核与奖惩"
ans(E, C4, "zh", "same_lang", "B级客户信用额度最高能给多少？", ["不超过80万元"])
ans(E, C4, "zh", "same_lang", "A级客户账期最长能给几天？", ["信用期限不超过60天"])
ans(E, C4, "en", "cross_lang", "What's the max credit limit for a brand-new customer in year one?", ["30万元"])
ans(E, C4, "zh", "chat", "客户要50万的额度 这块到底谁来批啊", ["销售总监和财务总监共同审批"])
ans(E, C4, "en", "cross_lang", "Who approves a credit line over RMB 1 million?", ["风控委员会审批"])
ans(E, C4, "zh", "same_lang", "临时加额度最多能加多少，能用多久？", ["原信用额度的30%", "不超过90天"])
ans(E, C3, "zh", "same_lang", "评分多少分算C级客户？", ["60分至69分"])
ans(E, C3, "en", "cross_lang", "What docs do I need to collect from a new customer before applying for credit terms?", ["营业执照复印件", "近一年财务报表"])
ans(E, C5, "zh", "chat", "客户有笔款逾期了20天 还能给他发货吗", ["逾期超过15天", "暂停该客户的新订单发货"])
ans(E, C6, "zh", "procedure", "逾期账款一般怎么一步步催收？", ["电话及上门催收", "书面催款函", "移交法务部"])
ans(E, C6, "en", "procedure", "What are the escalation steps for chasing an overdue invoice as it gets older?", ["书面催款函", "律师函预告", "移交法务部"])
ans(E, C5, "zh", "same_lang", "超信用额度发货要谁批？最多能超多少？", ["销售总监书面批准", "信用额度的10%"])
ans(E, C6, "en", "chat", "hey can a cust pay in installments?? max how long, who approves", ["不超过6个月", "财务总监审批"])
ans(E, C6, "zh", "same_lang", "账龄分析表每个月几号出？", ["每月5日前"])
ans(E, C6, "en", "cross_lang", "How many days before the due date should I remind the customer to pay?", ["7天"])
ans(E, C7, "zh", "same_lang", "5万以上的坏账核销要谁批？", ["风控委员会审批", "总经理办公会备案"])
ans(E, C8, "en", "cross_lang", "If I recover a debt that's more than 180 days overdue, what bonus do I get?", ["收回金额的2%", "2万元"])
ans(E, C8, "zh", "chat", "违反信用管理制度搞出坏账的 奖金扣多少 严重的会被开吗", ["5%至20%", "解除劳动合同"])
ans(E, C3, "zh", "same_lang", "客户信用等级多久复评一次？", ["每年复评一次", "每年1月"])
ans(E, "第二章 组织与职责", "en", "cross_lang", "How often does the risk committee meet?", ["每季度至少召开一次会议"])
ans(E, "第九章 附则", "zh", "same_lang", "这个信用制度从哪天开始执行？替代了哪个老文件？", ["2025年3月1日", "客户赊销管理办法"])
no("zh", "near_miss", "客户逾期付款要收多少滞纳金？")
no("zh", "near_miss", "海外客户的信用额度怎么定？")
no("en", "near_miss", "Does the credit policy require credit insurance for big customers?")
no("zh", "off_topic", "年假怎么请？")
no("en", "off_topic", "What's the best CRM software on the market right now?")

with open(OUT, "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "questions ->", OUT)
