"""Reads the messages the test SMTP server received, with Python's own e-mail parser.

    python3 read_mail.py FOLDER

Prints a JSON list, one entry per message in the order received: to, from, subject, date and the
decoded text body.
"""
import email
import email.policy
import json
import os
import sys

messages = []
folder = sys.argv[1]
for name in sorted(n for n in os.listdir(folder) if n.endswith(".eml")):
    with open(os.path.join(folder, name), "rb") as source:
        message = email.message_from_binary_file(source, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    messages.append({"to": str(message["To"]), "from": str(message["From"]), "subject": str(message["Subject"]),
                     "date": str(message["Date"]), "body": body.get_content() if body else ""})
print(json.dumps(messages))
