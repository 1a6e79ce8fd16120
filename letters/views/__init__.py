"""Staff pages for letters (outbox, plan, preview, campaigns, templates) and the reporting
records, compliance and analytics."""

from .outbox import index, letter_cancel, letter_detail, letter_pdf, letter_resend, outbox
from .planning import (
    campaign_create,
    campaign_detail,
    campaign_list,
    campaign_send,
    plan,
    plan_edit,
    preview,
    template_edit,
    template_list,
)
from .reporting import analytics, compliance, report_create, report_list

__all__ = [
    "analytics", "campaign_create", "campaign_detail", "campaign_list", "campaign_send", "compliance", "index",
    "letter_cancel", "letter_detail", "letter_pdf", "letter_resend", "outbox", "plan", "plan_edit", "preview",
    "report_create", "report_list", "template_edit", "template_list",
]
