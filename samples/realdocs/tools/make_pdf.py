"""Builds kb/Pricing_Guide_2026.pdf with fpdf2 (run with a separate venv: /tmp/pdfvenv/bin/python)."""
import os
from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "kb", "Pricing_Guide_2026.pdf")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONTB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


class PDF(FPDF):
    def header(self):
        self.set_font("dv", "", 8)
        self.cell(0, 6, "Northstar Ltd. — Internal — Confidential", align="C")
        self.ln(10)

    def footer(self):
        self.set_y(-15)
        self.set_font("dv", "", 8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


pdf = PDF(format="A4")
pdf.add_font("dv", "", FONT)
pdf.add_font("dv", "B", FONTB)
pdf.alias_nb_pages()
pdf.set_auto_page_break(True, margin=20)
pdf.add_page()


def h(text):
    pdf.ln(3)
    pdf.set_font("dv", "B", 12)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(1)


def p(text):
    pdf.set_font("dv", "", 10)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(2)


pdf.set_font("dv", "B", 18)
pdf.multi_cell(0, 10, "Pricing Guide 2026", new_x="LMARGIN", new_y="NEXT", align="L")
pdf.set_font("dv", "", 10)
pdf.multi_cell(0, 6, "For Northstar sales staff only. Valid from 1 January 2026 to 31 December 2026. Supersedes the Pricing Guide 2025.", new_x="LMARGIN", new_y="NEXT", align="L")
pdf.ln(4)

h("1. How to use this guide")
p("This guide sets the list prices, volume discounts and approval limits for all standard Northstar products sold in mainland China. "
  "All prices are in RMB and exclude 13% VAT unless stated otherwise. Prices for customers outside mainland China are set by the Export Desk "
  "and are not covered here. If a customer contract specifies a fixed price, the contract price applies for the contract term.")
p("Sales reps must always quote from the current list price. Quoting from an old price list is a compliance breach and the difference "
  "will be charged back to the sales region.")

h("2. List prices")
p("The table below shows the 2026 list price per unit. Minimum order quantity (MOQ) applies per order line.")

rows = [
    ("Product code", "Product", "Unit", "List price (RMB)", "MOQ"),
    ("NS-100", "Industrial sealant, 300 ml", "tube", "38.00", "24"),
    ("NS-120", "Industrial sealant, 20 L drum", "drum", "1,960.00", "1"),
    ("NS-210", "Anti-corrosion coating, 5 L", "can", "415.00", "4"),
    ("NS-230", "Anti-corrosion coating, 200 L", "barrel", "14,800.00", "1"),
    ("NS-305", "Precision lubricant, 1 L", "bottle", "126.00", "12"),
    ("NS-340", "Food-grade lubricant, 1 L", "bottle", "189.00", "12"),
    ("NS-500", "Dispensing gun, manual", "piece", "265.00", "1"),
    ("NS-520", "Dispensing gun, pneumatic", "piece", "1,380.00", "1"),
    ("NS-900", "On-site application service", "day", "3,200.00", "1"),
]
widths = [28, 70, 20, 36, 16]
for i, r in enumerate(rows):
    pdf.set_font("dv", "B" if i == 0 else "", 9)
    for w, c in zip(widths, r):
        pdf.cell(w, 7, c, border=1)
    pdf.ln(7)
pdf.ln(3)
p("NS-900 service days are charged per engineer per day. Travel outside the city of the nearest Northstar office is charged extra at RMB 1.80 per km.")

h("3. Volume discounts")
p("Volume discounts are based on the net value of a single order (after any promotion, before VAT). They are applied automatically by the order system:")
p("• Order value from RMB 20,000 to 49,999: 3% discount\n"
  "• Order value from RMB 50,000 to 149,999: 5% discount\n"
  "• Order value from RMB 150,000 to 499,999: 8% discount\n"
  "• Order value of RMB 500,000 or more: 10% discount")
p("Volume discounts do not apply to NS-900 on-site application service. Volume discounts cannot be combined with project pricing (section 5).")

pdf.add_page()
h("4. Discount approval limits")
p("Any discount beyond the automatic volume discount is a special discount and needs approval before the quotation is sent to the customer. "
  "The approval level depends on the total discount off list price:")
p("• Up to 5% extra: the sales rep may grant it directly, and must record the reason in the CRM.\n"
  "• More than 5% and up to 12% extra: Regional Sales Manager approval.\n"
  "• More than 12% and up to 20% extra: Sales Director approval.\n"
  "• More than 20% extra: approval by the CFO; the request must include a margin calculation.")
p("Approved special discounts are valid for 30 days from the approval date. If the customer has not ordered within 30 days, a new approval is needed.")

h("5. Project pricing")
p("For projects with an expected total value above RMB 1,000,000 over 12 months, the sales rep may request project pricing. "
  "Project pricing is a fixed net price per product for the project term, agreed by the Pricing Committee, which meets every Tuesday. "
  "The request must be submitted by the Friday before the meeting using the Project Price Request form (PR-3). "
  "Project prices are confidential and must not be shown to other customers.")

h("6. Price increases during the year")
p("Northstar may adjust list prices during the year when raw material costs change by more than 8%. Customers must be informed in writing at least "
  "45 days before a price increase takes effect. Orders confirmed before the effective date are invoiced at the old price, "
  "provided the goods are delivered within 60 days of the effective date.")

h("7. Payment terms and early payment")
p("Standard payment terms are 30 days from invoice date. Customers who pay within 10 days of the invoice date receive an early payment discount of 1.5%. "
  "Longer payment terms follow the customer credit policy and are not decided by the sales rep.")

h("8. Samples and trial quantities")
p("Free samples are limited to a total value of RMB 800 per customer per quarter. Trial orders for new customers may be sold at 20% off list price, once per "
  "product and customer, with a maximum trial order value of RMB 10,000.")

h("9. Freight")
p("Freight is free for orders with a net value of RMB 3,000 or more delivered within mainland China. For smaller orders a flat freight charge of RMB 150 per order applies. "
  "Express (next-day) delivery costs RMB 300 per order on top of normal freight, regardless of order value.")

pdf.add_page()
h("10. Price list for distributors")
p("Authorised distributors buy at list price minus a distributor margin. The margin depends on the distributor level:")
p("• Level A distributors (annual purchases above RMB 5,000,000): 25% off list price\n"
  "• Level B distributors (annual purchases RMB 1,000,000 to 5,000,000): 18% off list price\n"
  "• Level C distributors (annual purchases below RMB 1,000,000): 12% off list price")
p("Distributor margins replace volume discounts; distributors do not receive both. Distributors must not resell below the minimum resale price, "
  "which is list price minus 10%.")

h("11. Quotation rules")
p("Every quotation must show the product code, list price, discount and net price, and must state a validity of 14 days. Quotations are generated from the CRM only; "
  "hand-written or Excel quotations are not valid. A quotation above RMB 300,000 must be reviewed by the Sales Operations team before it is sent.")

h("12. Questions")
p("Questions about this guide should be sent to the Pricing Desk at pricing@northstar-ltd.example. Urgent approval requests can be raised by phone on extension 8720.")

pdf.output(OUT)
print("wrote", OUT)
