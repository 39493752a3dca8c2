"""What the bodies talk about: report topics, their presenters and timing.

Agendas are not random lists: finance monitoring comes every meeting, the
precept in January, accounts in the summer, and the Panel scrutinises what
the Board decided. Each topic carries a few noun phrases that the prose
generator weaves into discussion, so minutes read as being about something.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from minutebook.synth.schedule import financial_month, financial_year, month_year


@dataclass(frozen=True)
class Topic:
    key: str
    title: str  # may use {fy}, {fy_next}, {fy_last}, {fmonth}, {month_year}, {year}, {town}
    presenter: str  # post key
    kind: str = "note"  # "note", "approve", "decision" (the Commissioner decides), "exempt"
    every: int = 0  # 1: every meeting, 2: every other meeting, 0: drawn from the pool
    months: tuple[int, ...] = ()  # calendar topics: only in these months
    aspects: tuple[str, ...] = ("the position set out in the report",)
    table: str | None = None  # "finance", "rag", "risk", "capital" or None
    decision: str = ""  # the decision, for "decision" topics
    notes: tuple[str, ...] = ()  # procedural items: one of these is minuted, no discussion


def title_for(topic: Topic, when: date, town: str, theme: str = "") -> str:
    """The topic's title as it appears on an agenda on that date."""
    fy_start = when.year if when.month >= 4 else when.year - 1
    return topic.title.format(
        fy=financial_year(when),
        fy_next=financial_year(when, 1),
        fy_last=financial_year(when, -1),
        fy4=f"{fy_start + 1}/{(fy_start + 2) % 100:02d} to {fy_start + 4}/{(fy_start + 5) % 100:02d}",
        fmonth=f"Month {max(1, financial_month(when) - 1)} {financial_year(when)}",
        month_year=month_year(when),
        year=when.year,
        town=town,
        theme=theme,
    )


_FIN = (
    "the forecast outturn",
    "overtime spending",
    "the capital slippage",
    "the use of earmarked reserves",
    "vacancy savings in police staff pay",
)

TOPICS: dict[str, tuple[Topic, ...]] = {
    "bcb": (
        Topic(
            "bcb_finance",
            "Revenue and Capital Monitoring Report {fmonth}",
            "force_cfo",
            every=1,
            aspects=_FIN,
            table="finance",
        ),
        Topic(
            "bcb_perf",
            "Performance Report - Police and Crime Plan",
            "cc",
            every=1,
            aspects=(
                "emergency response times",
                "the volume of non-emergency calls",
                "the charge rate for burglary",
                "repeat victimisation",
                "the use of online reporting",
            ),
            table="rag",
        ),
        Topic(
            "bcb_risk",
            "Strategic Risk Register",
            "ceo",
            every=2,
            aspects=(
                "the risk score for ICT resilience",
                "the workforce capacity risk",
                "controls on the funding risk",
            ),
            table="risk",
        ),
        Topic(
            "bcb_hmicfrs",
            "HMICFRS Inspection Reports Update",
            "dcc",
            every=2,
            aspects=(
                "the areas for improvement",
                "the recommendations still open",
                "the Commissioner's published response",
            ),
            table="rag",
        ),
        Topic(
            "bcb_mtfs",
            "Medium Term Financial Strategy {fy4}",
            "pcc_cfo",
            months=(1, 2),
            aspects=("the funding gap", "the savings plan", "the pay award assumptions"),
            table="finance",
        ),
        Topic(
            "bcb_precept",
            "Budget and Precept Proposal {fy_next}",
            "pcc_cfo",
            "decision",
            months=(1,),
            aspects=("the proposed Band D increase", "the council tax base"),
            table="finance",
            decision="To approve the budget and propose the precept for {fy_next}",
        ),
        Topic(
            "bcb_treasury",
            "Treasury Management Strategy {fy_next}",
            "pcc_cfo",
            "decision",
            months=(1, 2, 3),
            aspects=("the borrowing limits", "counterparty limits"),
            decision="To approve the Treasury Management Strategy for {fy_next}",
        ),
        Topic(
            "bcb_fleet",
            "Fleet Replacement Programme {fy}",
            "force_cfo",
            "decision",
            aspects=("the replacement of response vehicles", "electric vehicle charging"),
            table="capital",
            decision="To approve the Fleet Replacement Programme for {fy}",
        ),
        Topic(
            "bcb_s22a",
            "Collaboration Agreements under Section 22A of the Police Act 1996",
            "dcc",
            "decision",
            aspects=("the shared forensic service", "the regional organised crime unit agreement"),
            decision="To enter into the collaboration agreements set out in the report",
        ),
        Topic(
            "bcb_disposal",
            "Disposal of {town} Police Station",
            "head_estates",
            "decision",
            aspects=("the valuation of the site", "the neighbourhood team's new base"),
            decision="To approve the disposal of {town} Police Station on the open market",
        ),
        Topic(
            "bcb_grants",
            "Community Safety Grants {fy}",
            "head_policy",
            "decision",
            aspects=("the bids received", "the evaluation of last year's projects"),
            decision="To award community safety grants for {fy} as set out in the report",
        ),
        Topic(
            "bcb_bwv",
            "Body Worn Video Replacement",
            "acc",
            "decision",
            aspects=("the procurement route", "storage of footage"),
            decision="To approve the replacement of body worn video cameras",
        ),
        Topic(
            "bcb_annual",
            "Commissioner's Annual Report {fy_last}",
            "head_policy",
            "approve",
            months=(6, 7),
            aspects=("the achievements against the plan",),
        ),
        Topic(
            "bcb_victims",
            "Victims' Services Commissioning Update",
            "head_policy",
            aspects=("the referral rates to the victims' hub", "the contract for advocacy"),
        ),
        Topic(
            "bcb_custody",
            "Custody Detention Scheme Annual Report",
            "head_policy",
            months=(5, 6, 7),
            aspects=("the visits made by volunteers", "cell conditions"),
        ),
        Topic(
            "bcb_contact",
            "Contact Centre Improvement Programme",
            "acc",
            aspects=("the abandonment rate for non-emergency calls", "call-back times"),
        ),
        Topic(
            "bcb_workforce",
            "Workforce Plan and Officer Recruitment",
            "dcc",
            aspects=("officer numbers against the target", "attrition among student officers"),
        ),
        Topic(
            "bcb_rural",
            "Rural Crime Action Plan",
            "acc",
            aspects=("farm machinery theft", "the rural crime team's patrol hours"),
        ),
        Topic(
            "bcb_vawg",
            "Violence Against Women and Girls Delivery Plan",
            "dcc",
            aspects=("the night-time economy patrols", "victim satisfaction"),
        ),
        Topic(
            "bcb_forensics",
            "Digital Forensics Capacity",
            "acc",
            aspects=("the backlog of devices", "accreditation of the laboratory"),
        ),
    ),
    "pcp": (
        Topic(
            "pcp_questions",
            "Public Questions",
            "panel_sec",
            every=1,
            aspects=("the questions received",),
            notes=(
                "No public questions or statements had been received.",
                "One question had been received from a resident of {town} about "
                "neighbourhood patrols; the Commissioner's written answer was read out.",
                "Two questions had been received about speeding in {town}; the answers "
                "would be published with the minutes.",
            ),
        ),
        Topic(
            "pcp_complaints",
            "Review of Complaints",
            "panel_legal",
            every=1,
            aspects=("complaints about the Commissioner",),
            notes=(
                "No complaints about the Commissioner had been received since the last meeting.",
                "One complaint had been received since the last meeting and had been "
                "resolved informally.",
                "Two complaints had been received; neither raised a conduct matter and "
                "both had been closed.",
            ),
        ),
        Topic(
            "pcp_plan",
            "Police and Crime Plan Delivery - {theme}",
            "ceo",
            every=1,
            aspects=(
                "progress on the plan's commitments",
                "partnership working",
                "the RAG status of the priority actions",
            ),
            table="rag",
        ),
        Topic(
            "pcp_precept",
            "Proposed Precept {fy_next}",
            "pcc",
            "approve",
            months=(1, 2),
            aspects=("the proposed increase for a Band D property", "the savings required"),
            table="finance",
        ),
        Topic(
            "pcp_mtfs",
            "Medium Term Financial Strategy {fy4}",
            "pcc_cfo",
            months=(10, 11, 12),
            aspects=("the funding gap", "the reserves strategy"),
            table="finance",
        ),
        Topic(
            "pcp_annual",
            "Commissioner's Annual Report {fy_last}",
            "pcc",
            months=(6, 7),
            aspects=("the delivery of the plan over the year",),
        ),
        Topic(
            "pcp_peel",
            "HMICFRS PEEL Inspection - Commissioner's Response",
            "ceo",
            aspects=("the grades given to the force", "the causes of concern"),
        ),
        Topic(
            "pcp_work",
            "Meeting Dates and Work Programme",
            "panel_sec",
            every=2,
            aspects=("the items planned for future meetings",),
            notes=(
                "The Panel considered its work programme and the dates of future meetings.",
                "The Panel reviewed its work programme and asked for a session on the "
                "precept to be added before the budget meeting.",
            ),
        ),
        Topic(
            "pcp_budget",
            "Panel Budget and Home Office Grant {fy}",
            "panel_sec",
            months=(6, 7, 9),
            aspects=("the grant claim",),
        ),
    ),
    "fsg": (
        Topic(
            "fsg_force",
            "Force Revenue Monitoring Report {fmonth}",
            "force_cfo",
            every=1,
            aspects=_FIN,
            table="finance",
        ),
        Topic(
            "fsg_capital",
            "Capital Programme Monitoring",
            "force_cfo",
            every=1,
            aspects=("slippage on the estates schemes", "the ICT refresh"),
            table="capital",
        ),
        Topic(
            "fsg_opcc",
            "OPCC Revenue Monitoring",
            "pcc_cfo",
            every=2,
            aspects=("the commissioning budget", "grant income"),
        ),
        Topic(
            "fsg_cash",
            "Cash Flow {month_year}",
            "accountant",
            every=2,
            aspects=("the cash balances", "investment returns"),
        ),
        Topic(
            "fsg_reserves",
            "Reserves Strategy",
            "pcc_cfo",
            "approve",
            aspects=("the general reserve as a share of the budget", "earmarked reserves"),
        ),
        Topic(
            "fsg_treasury",
            "Treasury Management Update",
            "pcc_cfo",
            aspects=("the borrowing requirement", "interest rate forecasts"),
        ),
        Topic(
            "fsg_procure",
            "Procurement Pipeline",
            "force_cfo",
            aspects=("contracts due for renewal", "collaborative frameworks"),
        ),
        Topic(
            "fsg_insurance",
            "Insurance Renewal {year}",
            "fin_accountant",
            months=(2, 3),
            aspects=("premium increases", "claims experience"),
        ),
        Topic(
            "fsg_pensions",
            "Police Pension Scheme Update",
            "force_cfo",
            aspects=("employer contribution rates", "the remedy calculations"),
        ),
        Topic(
            "fsg_grants",
            "Grant Income Schedule",
            "accountant",
            aspects=("specific grants", "conditions attached to grants"),
        ),
    ),
    "esg": (
        Topic(
            "esg_programme",
            "Estates Programme Update",
            "head_estates",
            every=1,
            aspects=("the programme timetable", "contractor performance"),
            table="capital",
        ),
        Topic(
            "esg_disposal",
            "Disposal of {town} Police Station",
            "head_estates",
            "exempt",
            aspects=("the offers received",),
        ),
        Topic(
            "esg_custody",
            "{town} Custody Suite Refurbishment",
            "head_estates",
            "approve",
            aspects=("the cell refurbishment", "the contract variation"),
        ),
        Topic(
            "esg_energy",
            "Energy and Sustainability Report",
            "head_estates",
            aspects=("energy consumption", "the solar panel programme"),
        ),
        Topic(
            "esg_hq",
            "Headquarters Space Utilisation",
            "acc",
            aspects=("desk occupancy", "agile working"),
        ),
        Topic(
            "esg_leases",
            "Lease Renewals Schedule",
            "head_estates",
            aspects=("leases expiring this year", "shared sites with partners"),
        ),
        Topic(
            "esg_valuation",
            "Asset Valuation {year}",
            "pcc_cfo",
            months=(3, 4, 5),
            aspects=("the valuer's assumptions",),
        ),
    ),
    "jac": (
        Topic(
            "jac_ia",
            "Internal Audit Progress Report",
            "internal_audit",
            every=1,
            aspects=("the audits completed", "limited assurance opinions"),
            table="rag",
        ),
        Topic(
            "jac_tracker",
            "Audit Recommendations Tracker",
            "head_gov",
            every=2,
            aspects=("overdue recommendations", "revised implementation dates"),
        ),
        Topic(
            "jac_risk",
            "Risk Management Update",
            "head_gov",
            every=2,
            aspects=("the strategic risks", "risk appetite"),
            table="risk",
        ),
        Topic(
            "jac_ea_plan",
            "External Audit Plan {fy}",
            "external_audit",
            months=(3, 4, 5),
            aspects=("the materiality level", "significant risks"),
        ),
        Topic(
            "jac_ags",
            "Annual Governance Statement {fy_last}",
            "head_gov",
            "approve",
            months=(5, 6, 7),
            aspects=("the governance issues identified",),
        ),
        Topic(
            "jac_accounts",
            "Statement of Accounts {fy_last}",
            "pcc_cfo",
            "approve",
            months=(7, 9, 10),
            aspects=("the audit adjustments", "the pension liability"),
            table="finance",
        ),
        Topic(
            "jac_treasury",
            "Treasury Management Mid-Year Review",
            "pcc_cfo",
            months=(10, 11, 12),
            aspects=("compliance with prudential indicators",),
        ),
        Topic(
            "jac_fraud",
            "Counter Fraud and Corruption Update",
            "dcc",
            aspects=("referrals received", "the whistleblowing policy"),
        ),
        Topic(
            "jac_ia_plan",
            "Internal Audit Plan {fy_next}",
            "internal_audit",
            "approve",
            months=(2, 3),
            aspects=("the audit days available",),
        ),
        Topic(
            "jac_self",
            "Committee Self-Assessment",
            "head_gov",
            months=(9, 10, 11),
            aspects=("training needs of members",),
        ),
    ),
}

#: Plan themes the Panel monitors, in rotation (the Commissioner's own plan).
PLAN_THEMES = (
    "Safer Neighbourhoods",
    "Victims First",
    "Reducing Reoffending",
    "A Modern and Efficient Force",
)

#: Decisions the Commissioner takes outside any meeting: (subject, decision).
STANDALONE_DECISIONS: tuple[tuple[str, str], ...] = (
    (
        "Community Safety Grant to the {town} Youth Trust",
        "To award a grant to the {town} Youth Trust for diversionary activities",
    ),
    (
        "Extension of the Independent Domestic Violence Advisers Contract",
        "To extend the contract for independent domestic violence advisers by twelve months",
    ),
    (
        "Contract Award - Victims' Hub Case Management System",
        "To award the contract for a case management system for the victims' hub",
    ),
    (
        "Appointment of Independent Members of the Joint Audit Committee",
        "To appoint independent members to the Joint Audit Committee",
    ),
    (
        "Contribution to the {town} Safer Streets Partnership",
        "To contribute funding to the {town} community safety partnership",
    ),
    (
        "Acceptance of Home Office Grant for Serious Violence Duty",
        "To accept the grant and the conditions attached to it",
    ),
    (
        "Purchase of Land Adjoining {town} Police Station",
        "To purchase the land adjoining {town} Police Station",
    ),
    (
        "Restorative Justice Service Funding {fy}",
        "To fund the restorative justice service for {fy}",
    ),
    (
        "Memorandum of Understanding on Shared Estates with the Fire and Rescue Service",
        "To sign the memorandum of understanding on shared estates",
    ),
    (
        "Variation of the Custody Healthcare Contract",
        "To vary the custody healthcare contract to add mental health practitioners",
    ),
)
