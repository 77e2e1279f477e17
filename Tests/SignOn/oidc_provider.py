"""A real OpenID Connect provider on loopback for s11's sign-in tests (PyPI's oidc-provider-mock).

    python3 oidc_provider.py

Listens on 127.0.0.1 at a free port and prints "PORT n" once it is ready; it stops when its
standard input closes. It is oidc-provider-mock's provider, unchanged (discovery, the authorisation
form, the token endpoint, its published RS256 key), with one addition for the tests: a POST to
/test/next-token with {"fault": F} spoils the next ID token the token endpoint issues, as a
provider that is misconfigured or impersonated would, so that s11's checks of it can be seen:

    wrong-audience   re-signed with the provider's own key, for another application
    expired          re-signed with the provider's own key, run out an hour ago
    tampered         its e-mail address changed after signing (the signature no longer matches)
    wrong-nonce      re-signed with the provider's own key, answering another sign-in
"""
import base64
import json
import socket
import sys
import threading
import time

import flask
import oidc_provider_mock
import werkzeug.serving
from authlib import jose

faults = []


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def spoil(id_token, fault, key):
    header_part, payload_part, signature = id_token.split(".")
    header = json.loads(unb64(header_part))
    claims = json.loads(unb64(payload_part))
    if fault == "tampered":
        claims["email"] = "someone.else@" + claims.get("email", "x@example.org").split("@")[-1]
        return header_part + "." + b64(json.dumps(claims).encode()) + "." + signature
    if fault == "wrong-audience":
        claims["aud"] = "another-application"
    elif fault == "expired":
        claims["iat"] = int(time.time()) - 7200
        claims["exp"] = int(time.time()) - 3600
    elif fault == "wrong-nonce":
        claims["nonce"] = "a-nonce-of-another-sign-in"
    return jose.jwt.encode(header, claims, key).decode()


def main():
    app = oidc_provider_mock.app()

    @app.post("/test/next-token")
    def next_token():
        faults.append(flask.request.get_json()["fault"])
        return "", 204

    @app.after_request
    def spoil_token(response):
        if flask.request.path == "/oauth2/token" and response.status_code == 200 and faults:
            body = response.get_json()
            storage = flask.g.oidc_provider_mock_storage
            body["id_token"] = spoil(body["id_token"], faults.pop(0), storage.jwk.as_dict(is_private=True))
            response.set_data(json.dumps(body))
        return response

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = werkzeug.serving.make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print("PORT %d" % port, flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
