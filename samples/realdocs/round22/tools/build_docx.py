from docx import Document
from docx.shared import Pt

doc = Document()
def H(t):
    p = doc.add_paragraph()
    r = p.add_run(t); r.bold = True
    return p
def P(t):
    return doc.add_paragraph(t)

t = doc.add_paragraph(); r = t.add_run("LENGXIN REFRIGERATION CO., LTD."); r.bold = True; r.font.size = Pt(14)
t = doc.add_paragraph(); r = t.add_run("Standard Operating Procedure: Customer Complaint and Field Failure Handling"); r.bold = True; r.font.size = Pt(13)
P("SOP No.: SOP-CS-007    Version: 2.1    Effective date: 1 March 2024    Owner: Customer Service Department")
P("Approved by: Wu Jianguo, Customer Service Director")

H("1. Purpose")
P("This SOP defines how Lengxin sales representatives and service staff receive, record, escalate and close customer complaints "
  "about display cabinets, cold rooms and condensing units, so that customers receive a fast and consistent response and "
  "recurring product problems are reported to Quality.")
H("2. Scope")
P("This SOP covers complaints from end users, dealers and chain store customers in mainland China about product performance, "
  "delivery, installation and service. Complaints from export customers are handled by the International Business Department.")
P("It does not cover invoice disputes, which are handled by Finance under the credit management policy.")
H("3. Responsibilities")
H("3.1 Sales Representative")
P("The sales representative who owns the account is the customer's single point of contact until the complaint is closed. "
  "A complaint received by a sales representative by phone, WeChat or in person must be logged in the LX-Care system within 2 hours, "
  "even if the sales representative believes it can be solved immediately.")
P("The sales representative must not admit liability in writing for stock losses, and must not promise replacement units without approval.")
H("3.2 Escalation")
P("A complaint is escalated to the Regional Service Manager if it is not resolved within its resolution target, if the same unit has "
  "failed 3 times within 90 days, or if the customer threatens media exposure or legal action.")
P("Any complaint involving personal injury, fire, refrigerant leakage in an occupied space or food safety must be reported to the "
  "Customer Service Director and the Quality Manager by phone immediately, and in writing within 4 hours.")
P("Complaints from key accounts (annual purchases above RMB 500,000) are copied to the Sales Director at the time of logging.")
H("3.3 Service Department")
P("The service department assigns an engineer, diagnoses the fault, carries out repairs and records spare parts used in LX-Care.")

H("3.4 Regional Service Manager")
P("The Regional Service Manager reviews all open P1 and P2 tickets in the region every morning at 9:00 and reassigns engineers when a target is at risk.")
P("The Regional Service Manager approves goodwill within the limits in section 7 and decides whether a repeat-failure case is sent to the Quality Department.")

H("4. Severity Levels")
P("Every complaint is given a severity level when it is logged. The level determines the response time targets in section 6.")
P("P1 (Critical): the cabinet or cold room cannot hold temperature and the customer's stock is at risk, or any safety issue.")
P("P2 (Major): the unit is working but not holding its set point, or there is abnormal noise, icing or water leakage.")
P("P3 (Minor): cosmetic damage, door gasket, LED lighting, missing accessories or documentation issues.")

H("5. Procedure")
P("Step 1: Receive the complaint and listen. Write down the customer name, store address, model code, serial number and a description of the fault.")
P("Step 2: Ask the customer to read the controller display temperature and, if possible, send a photo of the nameplate and the display.")
P("Step 3: Log the complaint in LX-Care within 2 hours and select the severity level. The system generates a ticket number starting with \"CS-\".")
P("Step 4: Send the ticket number to the customer by SMS or WeChat and tell them the response time for their severity level.")
P("Step 5: For P1 complaints, advise the customer to move perishable stock to another cabinet or cold room, and call the service hotline 400-615-8899 to confirm engineer dispatch.")
P("Step 6: Follow up with the engineer after the visit and confirm the root cause recorded in LX-Care.")
P("Step 7: Call the customer to confirm the problem is solved. Only the customer's confirmation allows the ticket to be closed.")
P("Step 8: Within 3 working days after closing, send the customer the satisfaction survey link. A score below 3 out of 5 reopens the ticket for review by the Regional Service Manager.")

H("6. Response Time Targets")
P("Targets are measured from the time the ticket is logged in LX-Care.")
table = doc.add_table(rows=1, cols=5)
table.style = "Table Grid"
hdr = ["Severity", "First response", "Engineer on site (city)", "Engineer on site (county/remote)", "Resolution target"]
for i, h in enumerate(hdr):
    table.rows[0].cells[i].text = h
rows = [
    ["P1 Critical", "30 minutes", "4 hours", "24 hours", "24 hours"],
    ["P2 Major", "2 hours", "24 hours", "48 hours", "72 hours"],
    ["P3 Minor", "1 working day", "5 working days", "7 working days", "10 working days"],
]
for row in rows:
    cells = table.add_row().cells
    for i, v in enumerate(row):
        cells[i].text = v
P("During the peak season (June 1 to September 15) the P2 on-site targets are extended by 12 hours.")

H("7. Goodwill and Compensation")
P("7.1 A sales representative may offer goodwill of up to RMB 2,000 per complaint, in the form of spare parts, a free service visit or a credit note.")
P("7.2 Goodwill above RMB 2,000 and up to RMB 10,000 needs approval of the Regional Service Manager.")
P("7.3 Goodwill above RMB 10,000, any unit replacement and any refund need approval of the Customer Service Director.")
P("7.4 Claims for stock loss (spoiled goods) are never settled by sales. Forward the claim with the customer's loss list to the Quality Department within 2 working days.")
P("7.5 Units within warranty that fail with the same fault 3 times may be replaced with a new unit of the same model after the Quality Department confirms the fault.")

H("8. Records and Reporting")
P("All complaint tickets, photos and survey results are kept in LX-Care for 5 years.")
P("The Customer Service Department publishes a monthly complaint report by the 8th working day of the following month, listing complaints by model code, region and root cause.")
table2 = doc.add_table(rows=1, cols=3)
table2.style = "Table Grid"
for i, h in enumerate(["Report", "Owner", "Due"]):
    table2.rows[0].cells[i].text = h
for row in [["Monthly complaint report", "Customer Service Department", "8th working day of the following month"],
            ["Repeat failure analysis", "Quality Department", "Every quarter"],
            ["Key account complaint summary", "Sales Director", "Monthly sales meeting"]]:
    cells = table2.add_row().cells
    for i, v in enumerate(row):
        cells[i].text = v

H("9. Related Documents")
P("SOP-CS-004 Field Service Visit Procedure")
P("LX-FIN-SM-005 Sales Discount Approval and Credit Management Policy")
P("QP-012 Non-conforming Product and Repeat Failure Analysis")
P("Form CS-F03 Stock Loss Claim Form")

H("10. Revision History")
P("Version 1.0 (April 2020): first issue.")
P("Version 2.0 (June 2022): added P1 safety reporting requirement.")
P("Version 2.1 (March 2024): goodwill limit for sales representatives raised from RMB 1,000 to RMB 2,000; satisfaction survey added as Step 8.")
doc.save("/work/held/incoming/round22/kb/SOP-CS-007_complaint_handling.docx")
print("ok")
