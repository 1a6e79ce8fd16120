"""An e-mail backend that refuses the first FAILURES[0] messages, then delivers to locmem."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

FAILURES = [0]


class FlakyBackend(EmailBackend):
    def send_messages(self, messages):
        if FAILURES[0] > 0:
            FAILURES[0] -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
