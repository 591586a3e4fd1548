"""Builds kb/Customer_Service_Handbook.docx: headings typed as plain Normal paragraphs, no heading styles."""
import os
from docx import Document
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "kb", "Customer_Service_Handbook.docx")

P = [
"Northstar Ltd.",
"Customer Service Handbook for Field Sales",
"Document owner: Customer Operations | Revision 4 | Last reviewed: January 2026",
"",
"1. Purpose",
"This handbook tells sales representatives and account managers how to handle the most common customer service situations after a sale. It applies to all customers served from the Shanghai, Suzhou and Ningbo warehouses. Where this handbook and a signed customer contract disagree, the contract prevails.",
"2. Delivery problems",
"2.1 Late deliveries",
"A delivery is considered late when it arrives more than 2 business days after the confirmed delivery date. When a customer reports a late delivery:",
"Step 1: Check the shipment status in the order portal and note the carrier tracking number.",
"Step 2: Call the customer within 4 working hours to confirm the new expected delivery date.",
"Step 3: If the delay is longer than 5 business days, offer the customer free express shipping on their next order.",
"Step 4: Log the case in the CRM under category \"DEL-LATE\" with the tracking number.",
"Step 5: Send a written follow-up email to the customer once the goods have been received.",
"2.2 Damaged goods",
"Customers must report visible damage within 48 hours of receipt. Reports made after 48 hours are handled as warranty claims (see section 4).",
"Step 1: Ask the customer for photos of the damaged goods and the outer packaging.",
"Step 2: Open a damage ticket in the CRM and attach the photos.",
"Step 3: Arrange a replacement shipment; replacements up to RMB 5,000 can be approved by the sales rep directly.",
"Step 4: For replacements above RMB 5,000, get approval from the Regional Sales Manager before shipping.",
"Step 5: Ask the carrier to collect the damaged goods within 10 business days.",
"2.3 Wrong items shipped",
"If the warehouse shipped the wrong item, Northstar pays for the return freight. The correct item must be dispatched within 3 business days of the customer's report. The customer does not need to return the wrong item before the correct item is shipped.",
"3. Returns and refunds",
"3.1 Return window",
"Unused products in their original packaging can be returned within 30 days of delivery. Custom-made or cut-to-length products cannot be returned unless they are defective.",
"3.2 Restocking fee",
"A restocking fee of 15% of the invoice value applies to non-defective returns. The fee is waived for customers on the Gold service tier.",
"3.3 Refund procedure",
"Step 1: The customer fills in the Return Request Form (form CS-07) and sends it to the sales rep.",
"Step 2: The sales rep checks that the return is within the return window and approves or rejects the request within 2 business days.",
"Step 3: Customer Operations issues a Return Authorization (RA) number to the customer.",
"Step 4: The warehouse inspects the returned goods within 5 business days of arrival.",
"Step 5: Finance issues the refund or credit note within 10 business days after the inspection is passed.",
"Refunds are paid to the original payment account only. Cash refunds are not allowed.",
"4. Warranty claims",
"Warranty claims are handled by the Technical Service team, not by sales reps. The sales rep's role is to collect the serial number, the purchase date and a description of the fault, and to forward them to service@northstar-ltd.example within 1 business day. Warranty terms themselves are published on the intranet Warranty FAQ.",
"5. Complaints and escalation",
"5.1 Complaint levels",
"Level 1 complaints (minor, single order) are resolved by the sales rep within 3 business days.",
"Level 2 complaints (repeated issue or order value above RMB 50,000) are escalated to the Regional Sales Manager and must be resolved within 7 business days.",
"Level 3 complaints (legal threat, safety issue or media involvement) are escalated immediately to the Head of Customer Operations and the Legal department.",
"5.2 Escalation procedure",
"Step 1: Acknowledge the complaint to the customer within 24 hours, in writing.",
"Step 2: Classify the complaint as Level 1, 2 or 3 and record it in the CRM.",
"Step 3: For Level 2 and 3, forward the case to the next level with a short summary and all correspondence.",
"Step 4: Agree a resolution with the customer and confirm it in writing.",
"Step 5: Close the case in the CRM and schedule a follow-up call 14 days after closing.",
"6. Service tiers",
"Customers are placed in one of three service tiers based on their purchases in the previous 12 months: Standard (below RMB 500,000), Silver (RMB 500,000 to 2,000,000) and Gold (above RMB 2,000,000). Gold customers get a named account manager and a 2-hour response time for urgent issues. Silver customers get a 4-hour response time. Standard customers are served within 1 business day.",
"7. Goodwill gestures",
"Sales reps may offer a goodwill credit of up to 3% of the affected order value, capped at RMB 2,000 per case, without further approval. Anything above that needs approval from the Regional Sales Manager. Goodwill credits are never paid in cash.",
"8. Customer data",
"Customer contact details may only be stored in the CRM. Do not keep customer lists in personal spreadsheets or on personal phones. Report any suspected data leak to it-security@northstar-ltd.example within 24 hours.",
"9. Contacts",
"Customer Operations mailbox: custops@northstar-ltd.example. Technical Service: service@northstar-ltd.example. Warehouse dispatch desk: extension 8650.",
]

doc = Document()
st = doc.styles["Normal"]
st.font.name = "Calibri"
st.font.size = Pt(11)
for text in P:
    para = doc.add_paragraph(text, style="Normal")
    # Looks like a heading when printed (bold), but the style stays Normal.
    if text and (text[0].isdigit() and len(text) < 40) or text.startswith("Customer Service Handbook"):
        for r in para.runs:
            r.bold = True
doc.save(OUT)
print("wrote", OUT)
