"""Credentials: cloud and API keys, tokens, private key blocks, HTTP authorization and cookie headers.

Every secret here is synthetic: random characters or random bytes shaped like the real format
(with the format's checksum where it has one). Multi-line blocks (private keys) are returned with
real line breaks: piiscan reports the whole block, BEGIN line through END line, and a CSV cell or a
JSON string carries it as one value.
"""
from __future__ import annotations

import base64
import json
import random
import zlib

from . import Spec

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"
BASE62 = DIGITS + UPPER + LOWER  # GitHub's and npm's checksum alphabet, in this order
ALNUM = UPPER + LOWER + DIGITS
B64URL = ALNUM + "-_"
B64 = ALNUM + "+/"
HEX = "0123456789abcdef"
BASE36 = DIGITS + LOWER


def chars(rng: random.Random, n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def mixed(rng: random.Random, n: int, alphabet: str) -> str:
    """n characters of alphabet with at least one upper-case letter, lower-case letter and digit."""
    while True:
        s = chars(rng, n, alphabet)
        if any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s):
            return s


def random_bytes(rng: random.Random, n: int) -> bytes:
    return bytes(rng.randrange(256) for _ in range(n))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def wrap(text: str, width: int) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def base62_crc(entropy: str) -> str:
    """The 6-character base62 CRC-32 that ends GitHub and npm tokens."""
    n = zlib.crc32(entropy.encode("ascii"))
    out = ""
    for _ in range(6):
        out = BASE62[n % 62] + out
        n //= 62
    return out


def base36(n: int, width: int) -> str:
    out = ""
    while n:
        out = BASE36[n % 36] + out
        n //= 36
    return out.rjust(width, "0")


def mutate(rng: random.Random, s: str, start: int, alphabet: str) -> str:
    """s with one character at or after start replaced by a different one of alphabet."""
    i = rng.randrange(start, len(s))
    return s[:i] + rng.choice([c for c in alphabet if c != s[i]]) + s[i + 1:]


# AWS_CREDENTIALS ---------------------------------------------------------------------------------

AWS_EXAMPLES = [
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "AKIAI44QH8DHBEXAMPLE",
]


def aws_valid(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(["AKIA", "ASIA"]) + chars(rng, 16, UPPER + "234567")
    while True:
        key = mixed(rng, 40, B64)
        if not key.endswith("EXAMPLEKEY"):
            return key


def aws_invalid(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(AWS_EXAMPLES)
    if kind == 1:  # a documentation placeholder key ID
        return "AKIA" + chars(rng, 9, UPPER + "234567") + "EXAMPLE"
    if kind == 2:  # a SHA-1 digest: no upper-case letters
        return chars(rng, 40, HEX)
    return mixed(rng, 41, ALNUM)  # one character too many


# Private key blocks ------------------------------------------------------------------------------

def openssh_valid(rng: random.Random) -> str:
    body = b64(b"openssh-key-v1\x00" + random_bytes(rng, rng.choice([219, 385, 1000])))
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrap(body, 70) + "\n-----END OPENSSH PRIVATE KEY-----"


def openssh_invalid(rng: random.Random) -> str:
    # A public key line is not a private key.
    return "ssh-ed25519 " + b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + random_bytes(rng, 32)) + " deploy"


def pkcs_valid(rng: random.Random) -> str:
    label = rng.choice(["PRIVATE KEY", "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
                        "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"])
    headers = ""
    if label == "RSA PRIVATE KEY" and rng.random() < 0.3:
        headers = ("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC," + chars(rng, 32, "0123456789ABCDEF")
                   + "\n\n")
    body = b64(b"\x30\x82" + random_bytes(rng, rng.choice([119, 632, 1214])))
    return f"-----BEGIN {label}-----\n{headers}{wrap(body, 64)}\n-----END {label}-----"


def pkcs_invalid(rng: random.Random) -> str:
    label = rng.choice(["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE", "CERTIFICATE REQUEST"])
    body = b64(b"\x30\x82" + random_bytes(rng, rng.choice([92, 268, 700])))
    return f"-----BEGIN {label}-----\n{wrap(body, 64)}\n-----END {label}-----"


def pgp_valid(rng: random.Random) -> str:
    headers = rng.choice(["", "Version: GnuPG v2\n", "Comment: synthetic test key\n"])
    body = b64(b"\x95" + random_bytes(rng, rng.choice([300, 900])))
    checksum = "=" + b64(random_bytes(rng, 3))
    return ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n" + headers + "\n" + wrap(body, 64) + "\n" + checksum
            + "\n-----END PGP PRIVATE KEY BLOCK-----")


def pgp_invalid(rng: random.Random) -> str:
    body = b64(b"\x99" + random_bytes(rng, 300))
    return ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + wrap(body, 64) + "\n=" + b64(random_bytes(rng, 3))
            + "\n-----END PGP PUBLIC KEY BLOCK-----")


def putty_valid(rng: random.Random) -> str:
    version = rng.choice(["2", "3"])
    algorithm = rng.choice(["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256"])
    public = wrap(b64(random_bytes(rng, rng.choice([51, 279]))), 64)
    private = wrap(b64(random_bytes(rng, rng.choice([48, 660]))), 64)
    lines = [f"PuTTY-User-Key-File-{version}: {algorithm}", "Encryption: none",
             f"Comment: synthetic-key-{rng.randrange(1000)}",
             f"Public-Lines: {public.count(chr(10)) + 1}", public]
    lines += [f"Private-Lines: {private.count(chr(10)) + 1}", private,
              "Private-MAC: " + chars(rng, 64 if version == "3" else 40, HEX)]
    return "\n".join(lines)


def putty_invalid(rng: random.Random) -> str:
    # PuTTY's public key export (RFC 4716) is not a private key.
    return ("---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"synthetic-key\"\n"
            + wrap(b64(random_bytes(rng, 51)), 64) + "\n---- END SSH2 PUBLIC KEY ----")


# JSON_WEB_TOKEN ----------------------------------------------------------------------------------

def jwt_part(obj: dict) -> str:
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


def jwt_claims(rng: random.Random) -> dict:
    claims = {"sub": "user-" + chars(rng, 8, HEX), "iat": 1_700_000_000 + rng.randrange(10**8)}
    if rng.random() < 0.5:
        claims["exp"] = claims["iat"] + 3600
    if rng.random() < 0.5:
        claims["scope"] = rng.choice(["read", "read write", "admin"])
    return claims


def jwt_valid(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return jwt_part({"alg": "none"}) + "." + jwt_part(jwt_claims(rng)) + "."
    alg, size = rng.choice([("HS256", 32), ("HS512", 64), ("RS256", 256), ("ES256", 64)])
    header = {"alg": alg, "typ": "JWT"}
    if rng.random() < 0.3:
        header["kid"] = chars(rng, 12, HEX)
    return jwt_part(header) + "." + jwt_part(jwt_claims(rng)) + "." + b64url(random_bytes(rng, size))


def jwt_invalid(rng: random.Random) -> str:
    claims = jwt_part(jwt_claims(rng))
    signature = b64url(random_bytes(rng, 32))
    kind = rng.randrange(4)
    if kind == 0:  # the header has no alg
        return jwt_part({"typ": "JWT"}) + "." + claims + "." + signature
    if kind == 1:  # the header is not JSON (its closing brace is missing)
        return b64url(b'{"alg":"HS256","typ":"JWT"') + "." + claims + "." + signature
    if kind == 2:  # alg none with a signature
        return jwt_part({"alg": "none"}) + "." + claims + "." + signature
    return jwt_part({"alg": "HS256", "typ": "JWT"}) + "." + claims + "."  # a signed alg, no signature


# STRIPE_CREDENTIALS ------------------------------------------------------------------------------

def stripe_valid(rng: random.Random) -> str:
    return rng.choice(["sk_live_", "rk_live_"]) + chars(rng, rng.choice([24, 34, 99]), ALNUM)


def stripe_invalid(rng: random.Random) -> str:
    prefix = rng.choice(["sk_test_", "rk_test_", "pk_live_", "pk_test_"])
    return prefix + chars(rng, rng.choice([24, 99]), ALNUM)


# GITHUB_TOKEN / NPM_TOKEN ------------------------------------------------------------------------

def base62_token(rng: random.Random, prefix: str) -> str:
    entropy = chars(rng, 30, ALNUM)
    return prefix + entropy + base62_crc(entropy)


def github_valid(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "github_pat_" + chars(rng, 22, ALNUM) + "_" + chars(rng, 59, ALNUM)
    return base62_token(rng, rng.choice(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]))


def github_invalid(rng: random.Random) -> str:
    token = base62_token(rng, rng.choice(["ghp_", "gho_", "ghs_"]))
    return mutate(rng, token, 4, ALNUM)  # the checksum no longer matches


def npm_valid(rng: random.Random) -> str:
    return base62_token(rng, "npm_")


def npm_invalid(rng: random.Random) -> str:
    return mutate(rng, base62_token(rng, "npm_"), 4, ALNUM)


# SLACK_TOKEN -------------------------------------------------------------------------------------

def slack_valid(rng: random.Random) -> str:
    kind = rng.randrange(4)
    team = str(rng.randrange(10**11, 10**12))
    if kind == 0:
        return f"xoxb-{team}-{rng.randrange(10**12, 10**13)}-{chars(rng, 24, ALNUM)}"
    if kind == 1:
        return (f"xoxp-{team}-{rng.randrange(10**11, 10**12)}-{rng.randrange(10**12, 10**13)}-"
                + chars(rng, 32, HEX))
    if kind == 2:
        return f"xapp-1-A{chars(rng, 10, UPPER + DIGITS)}-{rng.randrange(10**12, 10**13)}-{chars(rng, 64, HEX)}"
    return ("https://hooks.slack.com/services/T" + chars(rng, 8, UPPER + DIGITS) + "/B"
            + chars(rng, 10, UPPER + DIGITS) + "/" + chars(rng, 24, ALNUM))


def slack_invalid(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:  # a placeholder secret
        return "xoxb-" + "0" * 12 + "-" + "0" * 13 + "-" + "x" * 24
    if kind == 1:  # no such token type
        return f"xoxq-{rng.randrange(10**11, 10**12)}-{rng.randrange(10**12, 10**13)}-{chars(rng, 24, ALNUM)}"
    return ("https://hooks.slack.com/services/T" + chars(rng, 8, UPPER + DIGITS) + "/B"
            + chars(rng, 10, UPPER + DIGITS) + "/" + chars(rng, 12, ALNUM))  # a short webhook secret


# GCP_API_KEY -------------------------------------------------------------------------------------

def gcp_valid(rng: random.Random) -> str:
    return "AIza" + rng.choice(["Sy", chars(rng, 2, B64URL)]) + chars(rng, 33, B64URL)


def gcp_invalid(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "AIza" + chars(rng, 34, ALNUM)  # one character short
    return "AIzaSy" + rng.choice("xX") * 33  # a placeholder


# HTTP_BASIC_AUTH_HEADER --------------------------------------------------------------------------

PASSWORD = ALNUM + "!#$%&*+-.=?@^_~"


def basic_valid(rng: random.Random) -> str:
    user = rng.choice(["svc-", "admin", "deploy", "api", ""]) + chars(rng, rng.randrange(3, 10), LOWER + DIGITS)
    password = chars(rng, rng.randrange(8, 25), PASSWORD)
    name = rng.choice(["Authorization", "Authorization", "authorization", "AUTHORIZATION", "Proxy-Authorization"])
    scheme = rng.choice(["Basic", "Basic", "basic"])
    return f"{name}: {scheme} {b64(f'{user}:{password}'.encode())}"


def basic_invalid(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:  # credentials not encoded
        return f"Authorization: Basic {chars(rng, 8, LOWER)}:{chars(rng, 12, ALNUM)}"
    if kind == 1:  # base64 of text without the user-id/password colon
        return "Authorization: Basic " + b64(chars(rng, 20, ALNUM).encode())
    return "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="  # RFC 7617's Aladdin example


# HTTP_COOKIE -------------------------------------------------------------------------------------

COOKIE_NAMES = ["sessionid", "SID", "JSESSIONID", "PHPSESSID", "connect.sid", "_session", "auth_token",
                "csrftoken", "remember_me", "__Host-sid", "theme", "lang"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def cookie_value(rng: random.Random) -> str:
    return rng.choice([chars(rng, 32, HEX), chars(rng, 26, LOWER + DIGITS), b64url(random_bytes(rng, 24)),
                       "s%3A" + b64url(random_bytes(rng, 18)) + "." + b64url(random_bytes(rng, 12))])


def cookie_valid(rng: random.Random) -> str:
    if rng.random() < 0.5:
        names = rng.sample(COOKIE_NAMES, rng.randrange(1, 4))
        return "Cookie: " + "; ".join(f"{n}={cookie_value(rng)}" for n in names)
    attrs = [f"{rng.choice(COOKIE_NAMES)}={cookie_value(rng)}", "Path=/"]
    if rng.random() < 0.5:
        attrs.append(f"Expires={rng.choice(WEEKDAYS)}, {rng.randrange(1, 29):02d} {rng.choice(MONTHS)} "
                     f"{rng.randrange(2025, 2031)} {rng.randrange(24):02d}:{rng.randrange(60):02d}:"
                     f"{rng.randrange(60):02d} GMT")
    if rng.random() < 0.5:
        attrs.append(f"Max-Age={rng.choice([3600, 86400, 2592000])}")
    attrs += rng.sample(["HttpOnly", "Secure", "SameSite=Lax", "SameSite=Strict", "Domain=example.com"], 2)
    return rng.choice(["Set-Cookie", "set-cookie"]) + ": " + "; ".join(attrs)


def cookie_invalid(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:  # prose, no name=value pair
        return "Cookie: " + rng.choice(["chocolate chip", "oatmeal raisin", "none"])
    if kind == 1:  # a pair without a value
        return f"Cookie: {rng.choice(COOKIE_NAMES)}="
    return f"Set-Cookie: ={cookie_value(rng)}"  # a pair without a name


# GITLAB_TOKEN ------------------------------------------------------------------------------------

LEGACY_GITLAB = {"glpat-": 20, "gldt-": 20, "glrt-": 20, "glft-": 20, "glsoat-": 20, "glffct-": 20,
                 "glimt-": 25, "glagent-": 50, "gloas-": 64, "GR1348941": 20}


def gitlab_routable(rng: random.Random, prefix: str) -> str:
    """A routable token as GitLab builds it: payload = routing text + 16 random bytes + their count."""
    routing = f"o:{base36(rng.randrange(1, 10**6), 1)}"
    if rng.random() < 0.5:
        routing = f"c:{base36(rng.randrange(1, 200), 1)}\n" + routing
    payload = b64url(routing.encode() + random_bytes(rng, 16) + bytes([16]))
    head = prefix + payload + "." + base36(len(payload), 2)
    return head + base36(zlib.crc32(head.encode()), 7)


def gitlab_valid(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return gitlab_routable(rng, rng.choice(["glpat-", "gldt-", "glrt-t1_", "glcbt-", "gloas-"]))
    if kind == 1:
        return "glptt-" + chars(rng, 40, HEX)
    if kind == 2:
        return "glcbt-" + chars(rng, rng.randrange(1, 6), ALNUM) + "_" + chars(rng, 20, ALNUM)
    prefix = rng.choice(list(LEGACY_GITLAB))
    return prefix + chars(rng, LEGACY_GITLAB[prefix], B64URL)


def gitlab_invalid(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:  # a routable token with a wrong checksum
        token = gitlab_routable(rng, "glpat-")
        return token[:-7] + base36((int(token[-7:], 36) + 1 + rng.randrange(1000)) % 36**7, 7)
    if kind == 1:
        return "glpat-" + "x" * 20  # a placeholder
    return "glpat-" + chars(rng, 19, ALNUM)  # one character short


# AZURE_STORAGE_ACCOUNT_KEY -----------------------------------------------------------------------

AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


def azure_valid(rng: random.Random) -> str:
    while True:
        key = b64(random_bytes(rng, 64))
        if any(c.isupper() for c in key) and any(c.islower() for c in key) and any(c.isdigit() for c in key):
            return key


def azure_invalid(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return AZURITE_KEY
    key = azure_valid(rng)
    # The character before `==` holds 4 unused bits; a non-zero one is no encoder's output.
    return key[:85] + rng.choice([c for c in B64 if B64.index(c) % 16 != 0 and c.isalpha()]) + "=="


# GOOGLE_OAUTH_CLIENT_SECRET ----------------------------------------------------------------------

def google_oauth_valid(rng: random.Random) -> str:
    return "GOCSPX-" + chars(rng, 28, B64URL)


def google_oauth_invalid(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "GOCSPX-" + chars(rng, 27, ALNUM)  # one character short
    return "GOCSPX-" + "x" * 28


# SENDGRID_API_KEY --------------------------------------------------------------------------------

def sendgrid_valid(rng: random.Random) -> str:
    return "SG." + b64url(random_bytes(rng, 16)) + "." + b64url(random_bytes(rng, 32))


def sendgrid_invalid(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "SG." + chars(rng, 21, ALNUM) + "." + chars(rng, 43, ALNUM)  # a short key ID
    return "SG." + "x" * 22 + "." + "x" * 43


# TWILIO_API_KEY ----------------------------------------------------------------------------------

def twilio_valid(rng: random.Random) -> str:
    return "SK" + chars(rng, 32, HEX)


def twilio_invalid(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "SK" + chars(rng, 31, HEX)  # one digit short
    return "SK" + "0" * 32


SPECS: list[Spec] = [
    Spec("AWS_CREDENTIALS", aws_valid,
         keywords=["aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "secret access key", "secret key",
                   "credentials", "aws credentials"],
         keyword_required=True, invalid=aws_invalid),
    Spec("OPENSSH_PRIVATE_KEY", openssh_valid, keywords=["ssh key", "deploy key", "id_ed25519"],
         invalid=openssh_invalid),
    Spec("PKCS", pkcs_valid, keywords=["private key", "tls key", "private_key"], invalid=pkcs_invalid),
    Spec("PGP_PRIVATE_KEY", pgp_valid, keywords=["pgp key", "gpg private key"], invalid=pgp_invalid),
    Spec("PUTTY_PRIVATE_KEY", putty_valid, keywords=["ppk", "putty key"], invalid=putty_invalid),
    Spec("JSON_WEB_TOKEN", jwt_valid, keywords=["jwt", "id_token", "access token", "bearer"],
         invalid=jwt_invalid),
    Spec("STRIPE_CREDENTIALS", stripe_valid, keywords=["stripe key", "STRIPE_SECRET_KEY"],
         invalid=stripe_invalid),
    Spec("GITHUB_TOKEN", github_valid, keywords=["github token", "GH_TOKEN"], invalid=github_invalid),
    Spec("SLACK_TOKEN", slack_valid, keywords=["slack token", "SLACK_BOT_TOKEN", "webhook url"],
         invalid=slack_invalid),
    Spec("GCP_API_KEY", gcp_valid,
         keywords=["GCP api key", "google-api-key", "X-goog-api-key", "GOOGLE_API_KEY", "google cloud key",
                   "GCP key", "googlekey"],
         keyword_required=True, invalid=gcp_invalid),
    Spec("HTTP_BASIC_AUTH_HEADER", basic_valid, invalid=basic_invalid),
    Spec("HTTP_COOKIE", cookie_valid, invalid=cookie_invalid),
    Spec("GITLAB_TOKEN", gitlab_valid, keywords=["gitlab token", "GITLAB_TOKEN", "private-token"],
         invalid=gitlab_invalid),
    Spec("AZURE_STORAGE_ACCOUNT_KEY", azure_valid,
         keywords=["AccountKey", "storage account key", "AZURE_STORAGE_KEY", "azure storage key"],
         keyword_required=True, invalid=azure_invalid),
    Spec("GOOGLE_OAUTH_CLIENT_SECRET", google_oauth_valid, keywords=["client secret", "client_secret"],
         invalid=google_oauth_invalid),
    Spec("NPM_TOKEN", npm_valid, keywords=["npm token", "NPM_TOKEN", "_authToken"], invalid=npm_invalid),
    Spec("SENDGRID_API_KEY", sendgrid_valid, keywords=["sendgrid api key", "SENDGRID_API_KEY"],
         invalid=sendgrid_invalid),
    Spec("TWILIO_API_KEY", twilio_valid,
         keywords=["twilio api key", "TWILIO_API_KEY", "twilio key", "api key sid"],
         keyword_required=True, invalid=twilio_invalid),
]
