# Builds kb/MPS_Contract_Onboarding_SOP_RevC.docx : English SOP whose headings are bold *Normal*
# paragraphs (no Heading styles), with "Step N" procedures and tables.
import os
from docx import Document
from docx.shared import Pt
from docx.enum.text import WD_ALIGN_PARAGRAPH

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "kb", "MPS_Contract_Onboarding_SOP_RevC.docx")

doc = Document()
doc.styles["Normal"].font.name = "Calibri"
doc.styles["Normal"].font.size = Pt(10.5)


def bold(text, size=None, center=False):
    p = doc.add_paragraph()          # style stays "Normal"
    r = p.add_run(text)
    r.bold = True
    if size:
        r.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def para(text):
    return doc.add_paragraph(text)


def table(rows, style="Table Grid"):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = style
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            t.cell(i, j).text = c
            if i == 0:
                for run in t.cell(i, j).paragraphs[0].runs:
                    run.bold = True
    doc.add_paragraph("")


bold("Hangzhou Mingde Office Equipment Co., Ltd.", 12, True)
bold("STANDARD OPERATING PROCEDURE", 14, True)
bold("Managed Print Services (MPS) Contract Onboarding", 13, True)
table([
    ("Document No.", "MD-SOP-MPS-004", "Revision", "C"),
    ("Effective date", "1 March 2025", "Supersedes", "Rev. B (June 2023)"),
    ("Owner", "MPS Operations Department", "Approved by", "Sun Hao, Sales Director"),
])

bold("1. Purpose")
para("This procedure describes how a Managed Print Services (MPS) opportunity is taken from qualified lead to a "
     "live, billed contract. It sets out who does what, in which order, and the time limits that apply, so that "
     "every new MPS customer receives the same onboarding experience regardless of which office sold the contract.")

bold("2. Scope")
para("This SOP applies to all new MPS contracts and to renewals where the fleet changes by more than 30% of devices. "
     "It covers Hangzhou headquarters and the Ningbo, Shaoxing and Jiaxing offices. Straight hardware sales, "
     "consumables-only agreements and break-fix service contracts are out of scope and follow MD-SOP-SAL-001.")

bold("3. Roles and Responsibilities")
para("Sales Representative (account owner): qualifies the opportunity, sponsors the print assessment, prepares the "
     "proposal with MPS Operations, and obtains the customer signature.")
para("MPS Operations Department (ext. 8310, mps-ops@mingde-office.com.cn): runs the print assessment, designs the "
     "fleet, prices the contract, installs the monitoring agent and owns meter reading and billing data.")
para("Sales Operations (ext. 8206): checks the contract against the approved quotation, files the original and "
     "creates the contract record in ERP.")
para("Service Department: delivers and installs devices, trains key users and answers service calls within the SLA.")

bold("4. Definitions")
para("Print Assessment: a free, usually two-week study of the customer's current devices, print volumes and costs.")
para("FleetWatch agent: Mingde's data collection software that reads device counters and toner levels over the "
     "customer network. It sends data outbound only, over HTTPS port 443.")
para("Monthly minimum charge: the minimum amount billed each month regardless of actual volume, as listed in the "
     "current quarterly price list for the chosen service tier.")
para("Go-live date: the date on which all contracted devices are installed, reporting through FleetWatch and signed "
     "off by the customer on the Acceptance Form (form MPS-F07). Billing starts on the go-live date.")

bold("5. Procedure")
bold("5.1 Qualification and Print Assessment")
para("Step 1: The Sales Representative confirms that the prospect meets the MPS entry criteria: at least 5 print "
     "devices or a monthly volume of at least 5,000 pages. The opportunity must be registered in CRM at stage "
     "\"Qualified\" before any assessment resources are booked.")
para("Step 2: The Sales Representative submits an Assessment Request in CRM (Opportunity > Actions > Request MPS "
     "Assessment), attaching the customer's device list if available. MPS Operations assigns an analyst within "
     "2 working days.")
para("Step 3: The analyst agrees the assessment period with the customer's IT contact (normally 14 days, never less "
     "than 10 days) and installs the FleetWatch agent on one Windows PC or server that stays on during office hours. "
     "Devices that cannot be read over the network are recorded manually at the start and end of the period.")
para("Step 4: Within 5 working days after the assessment period ends, MPS Operations issues the Assessment Report, "
     "showing current cost per page, device utilisation and the recommended future fleet.")

bold("5.2 Proposal and Pricing")
para("Step 5: MPS Operations prepares the pricing model using the tier prices in the current quarterly price list "
     "(Standard, Professional or Enterprise). Any per-page price below list, or a reduced monthly minimum charge, "
     "must be approved under the Credit Management and Discount Approval Policy before it is shown to the customer.")
para("Step 6: The Sales Representative presents the proposal together with the Assessment Report, ideally in a "
     "meeting with both the customer's finance and IT decision makers. The proposal is valid for 30 days.")
para("Step 7: If the customer requests changes, the revised proposal is re-issued from CRM with a new version number "
     "(for example Q-2025-0412 v2). Hand-edited PDF proposals must not be sent to customers.")

bold("5.3 Contract Approval and Signing")
para("Step 8: The Sales Representative raises the contract in CRM using template MPS-T03 (36 months) or MPS-T04 "
     "(24 months). Non-standard clauses must be highlighted in the approval comment.")
para("Step 9: Sales Operations checks prices, quantities and term against the approved quotation within 1 working "
     "day. Contracts with a total value over CNY 300,000 also require review by the Legal Department and "
     "signature by the General Manager.")
para("Step 10: After both parties have signed, the Sales Representative hands the original contract and the "
     "customer's invoicing details to Sales Operations within 3 working days. A performance deposit is collected "
     "where the policy requires it.")

bold("5.4 Installation and Go-Live")
para("Step 11: Sales Operations creates the installation order in ERP on the day the contract is filed. The Service "
     "Department schedules delivery and installation within 10 working days of contract signing; larger fleets "
     "(more than 20 devices) may be installed in phases by agreement.")
para("Step 12: The service engineer installs each device, connects it to the FleetWatch agent, records the opening "
     "meter readings on the Installation Checklist (form MPS-F05) and trains at least one key user per site.")
para("Step 13: The customer signs the Acceptance Form (MPS-F07). The Sales Representative uploads the signed form to "
     "CRM and sets the contract status to \"Live\". The go-live date is the date on the Acceptance Form.")
para("Step 14: Old devices that the customer wants removed are collected within 15 working days after go-live. "
     "Hard disks are wiped to DoD 5220.22-M standard and a data destruction certificate is issued on request.")

bold("5.5 Meter Reading, Supplies and Billing")
para("Meter readings are collected automatically by FleetWatch on the 25th of every month. If a device has not "
     "reported for 3 days, MPS Operations contacts the customer's key user for a manual reading.")
para("Toner is replenished automatically: FleetWatch raises a supplies order when a cartridge reaches 15% remaining, "
     "and the cartridge is delivered by courier within 2 working days. Customers must not order MPS toner through "
     "normal sales orders.")
para("Invoices are issued by the 5th working day of the following month and are payable within 30 days of the "
     "invoice date. The first invoice is pro-rated from the go-live date.")

bold("6. Service Level Agreement")
para("Response times are measured from the time the service call is logged with the Service Desk (400-826-3190) "
     "to the arrival of an engineer on site. Working hours are 8:30 to 17:30, Monday to Friday, excluding public "
     "holidays.")
table([
    ("Tier", "On-site response", "Fix target", "Uptime commitment"),
    ("Standard", "8 working hours", "Next working day", "95%"),
    ("Professional", "4 working hours", "Within 8 working hours", "97%"),
    ("Enterprise", "4 hours, 7x24", "Within 8 hours", "98%"),
])
para("If a device cannot be repaired within 3 working days, the Service Department installs a loaner unit of "
     "equivalent or higher specification at no charge until the original device is back in service.")
para("Service credits: if monthly uptime falls below the tier commitment, the customer receives a credit of 5% of "
     "that device's monthly charge for each full percentage point of shortfall, capped at 20%.")

bold("7. Quarterly Business Review")
para("For Professional and Enterprise customers, the Sales Representative and an MPS analyst hold a quarterly "
     "business review (QBR) covering volumes, costs, service performance and recommended changes. The QBR pack "
     "is produced from MD PrintCenter and sent to the customer at least 2 working days before the meeting.")

bold("8. Records")
para("The following records are kept in CRM for the life of the contract plus 3 years: Assessment Report, approved "
     "proposal, signed contract, Installation Checklist (MPS-F05), Acceptance Form (MPS-F07) and all QBR packs.")

bold("9. Revision History")
table([
    ("Rev.", "Date", "Change", "Author"),
    ("A", "April 2021", "First issue", "Xu Lan"),
    ("B", "June 2023", "Added FleetWatch agent; removed manual meter forms", "Xu Lan"),
    ("C", "March 2025", "Installation lead time 10 days; QBR section; service credits", "Ma Yue"),
])
para("Questions about this SOP: MPS Operations Department, Ma Yue (Process Owner), ext. 8312, "
     "mayue@mingde-office.com.cn.")

doc.save(OUT)
d = Document(OUT)
txt = "\n".join(p.text for p in d.paragraphs)
print(OUT, len(txt), set(p.style.name for p in d.paragraphs))
