# Builds kb/Demo_Loaner_Equipment_Procedure.txt : plain-text English procedure, no markup,
# as exported from the service department's document system.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "kb", "Demo_Loaner_Equipment_Procedure.txt")

TEXT = """HANGZHOU MINGDE OFFICE EQUIPMENT CO., LTD.
DEMO AND LOANER EQUIPMENT PROCEDURE

Document number: MD-SOP-SVC-011
Version: 2.1
Effective: 15 April 2025
Owner: Service Department
Demo Pool Coordinator: Gao Feng, ext. 8352, demo@mingde-office.com.cn

1. PURPOSE

This procedure controls how demonstration (demo) units and loaner units are requested, delivered, tracked and
returned. Demo units help sales close deals; loaner units keep contract customers running while their own device
is being repaired. Both are company assets and every movement must be recorded.

2. SCOPE

Applies to all demo and loaner printers and multifunction devices (MFPs) owned by Mingde Office, at Hangzhou
headquarters and at the Ningbo, Shaoxing and Jiaxing offices. Customer-owned equipment and rental fleet
devices are not covered.

3. THE DEMO POOL

3.1 The demo pool currently holds 26 units: 14 at the Hangzhou HQ showroom, 6 in Ningbo, 3 in Shaoxing and
3 in Jiaxing. The live list, with serial numbers and current location, is the "Demo Pool" calendar in CRM.

3.2 Every demo unit carries a blue asset tag starting with DM- (for example DM-0117). Loaner units carry a
yellow asset tag starting with LN-.

3.3 Demo units are replaced after 24 months in the pool or 60,000 printed pages, whichever comes first, and are
then sold as refurbished stock through the dealer channel.

3.4 The showroom units in Hangzhou (MD-MC6045 and MD-MC7560) are never lent out. Customers who want to see
them are invited to the showroom at 3F, No. 88 Wensan Road, Xihu District; book the showroom in CRM at least
2 working days ahead.

4. WHO CAN REQUEST A DEMO UNIT

4.1 A demo unit may be requested only for an opportunity registered in CRM with an estimated value of at least
CNY 20,000, or for an MPS opportunity at stage "Proposal" or later.

4.2 A customer can have only one demo unit at a time. A second demo for the same opportunity within 6 months
needs the Sales Director's approval.

4.3 Demo units are not lent to dealers. Dealers borrow demo units under the separate Dealer Demo Programme.

5. HOW TO REQUEST A DEMO UNIT

Step 1. Check availability in the Demo Pool calendar in CRM. Pick a unit at your own office where possible;
transfers between offices add 2 working days.

Step 2. Submit the Demo Request (form DF-03) in CRM at least 3 working days before the requested delivery date.
Include the customer's address, floor, whether there is a lift, the network details and the contact person on
site.

Step 3. Your Regional Sales Manager approves or rejects the request in CRM within 1 working day.

Step 4. The Demo Pool Coordinator confirms the unit and books a service engineer for delivery and installation.
Sales representatives must not transport MFPs in their own cars.

Step 5. At installation the engineer records the meter reading on the Demo Delivery Note (DF-04) and the
customer signs the Demo Loan Agreement (DF-05). No agreement, no installation.

Step 6. The sales representative follows up with the customer within 3 working days of installation and records
the feedback in CRM.

6. LOAN PERIOD

6.1 The standard demo loan period is 14 calendar days from installation.

6.2 One extension of up to 7 calendar days may be approved by the Regional Sales Manager. The maximum total
period is therefore 21 days. Longer loans are not allowed; if the customer needs more time, the unit must be
collected and the request made again.

6.3 If the customer buys the demo model, the demo unit must still be returned. The customer receives a new
unit from stock. Demo units are never sold directly to end customers as new.

7. DEPOSIT AND FREE PAGES

7.1 No deposit is taken from existing customers with credit grade A or B.

7.2 Other customers pay a refundable deposit of 20% of the unit's list price before delivery. For the
MD-MC7560, when it is released from HQ for a special event, the deposit is a fixed CNY 10,000.

7.3 Each demo includes 2,000 black-and-white pages and 500 colour pages free of charge. Pages above this
allowance are charged at the MPS Standard per-page price in the current price list and deducted from the
deposit or invoiced.

7.4 The demo unit comes with a starter toner. Customers must not use third-party toner in demo units.

8. COLLECTION AND INSPECTION

8.1 The service engineer collects the unit on the last day of the loan period, records the closing meter
reading on form DF-04 and checks the unit for damage.

8.2 Hard disks and address books are wiped on site in front of the customer, using the device's data
overwrite function.

8.3 The unit is returned to the pool, cleaned and tested within 2 working days. Only then is it shown as
available in the Demo Pool calendar.

9. DAMAGE AND LOSS

9.1 Damage beyond normal wear is charged to the customer at the repair cost, as agreed in the Demo Loan
Agreement. Normal wear includes light scratches and paper-path wear.

9.2 If a unit is lost or stolen while at the customer, the customer is liable for the depreciated value. The
sales representative must report the loss to the Demo Pool Coordinator and to the Finance Department within
24 hours.

9.3 A sales representative whose customer keeps a demo unit more than 7 days past the approved return date
loses the right to request new demo units for 3 months.

10. LOANER UNITS FOR CONTRACT CUSTOMERS

10.1 Customers with an active MPS contract or annual maintenance contract receive a loaner unit when their
device cannot be repaired within 3 working days.

10.2 The loaner is of equivalent or higher specification and is provided free of charge, including toner,
until the customer's own device is back in service.

10.3 Loaners are requested by the service engineer, not by sales, through the Service Desk at ext. 8400.

10.4 Break-fix customers without a contract may rent a loaner at CNY 30 per day for A4 printers and CNY 120 per
day for A3 MFPs, subject to availability.

11. RECORDS

The Demo Request (DF-03), Demo Delivery Note (DF-04) and Demo Loan Agreement (DF-05) are kept in CRM for
3 years. The Demo Pool Coordinator reports demo-to-order conversion to the Sales Director every month; the
2024 conversion rate was 41%.

12. REVISION HISTORY

Version 1.0, January 2022: first issue.
Version 2.0, August 2024: loan period reduced from 21 to 14 days; free pages allowance introduced.
Version 2.1, April 2025: deposit rules for MD-MC7560; loaner rental prices for break-fix customers.

-- end of document --
"""

with open(OUT, "w", encoding="utf-8") as f:
    f.write(TEXT)
print(OUT, len(TEXT))
