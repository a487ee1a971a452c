import base64
import json
import time
import uuid
from dataclasses import replace

import jwt
import pytest

from gateway.adapters.tokens import InvalidToken, TokenSigner
from gateway.domain.identity import Principal

KEY = "k" * 48


def signer(**overrides: object) -> TokenSigner:
    options: dict[str, object] = {"audience": "platform", "issuer": "gateway", "ttl_s": 60}
    options.update(overrides)
    return TokenSigner({"k1": KEY}, "k1", **options)  # type: ignore[arg-type]


PRINCIPAL = Principal(
    user_id=uuid.uuid4(),
    org_id=uuid.uuid4(),
    roles=frozenset({"owner"}),
    session_id=uuid.uuid4(),
    grant_id=uuid.uuid4(),
)
API_KEY = Principal(
    user_id=uuid.uuid4(), org_id=uuid.uuid4(), roles=frozenset(), scopes=frozenset({"campaigns:read"}), is_api_key=True
)


@pytest.mark.parametrize("principal", [PRINCIPAL, API_KEY], ids=["person", "api key"])
def test_issued_token_verifies_to_the_same_principal(principal: Principal) -> None:
    token = signer().issue(principal)
    assert jwt.get_unverified_header(token)["kid"] == "k1"
    assert signer().verify(token) == principal
    claims = jwt.decode(token, options={"verify_signature": False})
    assert {"iat", "jti"} <= set(claims)


@pytest.mark.parametrize("missing", ["session_id", "grant_id"])
def test_a_persons_token_that_could_not_be_revoked_is_refused(missing: str) -> None:
    """Access is revoked by the login and the membership a token names: one naming neither
    would outlive a removal, so it is not taken."""
    token = signer().issue(replace(PRINCIPAL, **{missing: None}))
    with pytest.raises(InvalidToken):
        signer().verify(token)


def b64(part: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(part).encode()).decode().rstrip("=")


def test_alg_none_is_refused() -> None:
    claims = jwt.decode(signer().issue(PRINCIPAL), options={"verify_signature": False})
    unsigned = f"{b64({'alg': 'none', 'typ': 'JWT', 'kid': 'k1'})}.{b64(claims)}."
    with pytest.raises(InvalidToken):
        signer().verify(unsigned)


def test_expired_token_is_refused() -> None:
    expired = signer(ttl_s=-10).issue(PRINCIPAL)
    with pytest.raises(InvalidToken, match="expired"):
        signer().verify(expired)


def test_tampered_claims_are_refused() -> None:
    header, payload, signature = signer().issue(PRINCIPAL).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["roles"] = ["admin"]
    with pytest.raises(InvalidToken, match="signature does not match"):
        signer().verify(f"{header}.{b64(claims)}.{signature}")


def test_wrong_audience_is_refused() -> None:
    other = signer(audience="someone-else").issue(PRINCIPAL)
    with pytest.raises(InvalidToken, match=r"(?i)audience"):
        signer().verify(other)


def test_token_signed_with_another_key_is_refused() -> None:
    forged = jwt.encode(
        {
            "sub": str(PRINCIPAL.user_id),
            "org": str(PRINCIPAL.org_id),
            "aud": "platform",
            "iss": "gateway",
            "iat": int(time.time()),
            "exp": int(time.time()) + 60,
        },
        "x" * 48,
        algorithm="HS256",
        headers={"kid": "k1"},
    )
    with pytest.raises(InvalidToken):
        signer().verify(forged)


def test_unknown_key_id_is_refused() -> None:
    token = TokenSigner({"k9": KEY}, "k9", audience="platform", issuer="gateway", ttl_s=60).issue(PRINCIPAL)
    with pytest.raises(InvalidToken, match="unknown key id"):
        signer().verify(token)


def test_garbage_is_refused() -> None:
    with pytest.raises(InvalidToken):
        signer().verify("not.a.token")


def test_refusals_say_why_in_plain_words_not_the_librarys() -> None:
    refusals = {
        "it has expired; ask for a new one": signer(ttl_s=-10).issue(PRINCIPAL),
        "it was issued for another audience": signer(audience="someone-else").issue(PRINCIPAL),
        "it is not a well-formed token": "not.a.token",
    }
    for reason, token in refusals.items():
        with pytest.raises(InvalidToken) as refused:
            signer().verify(token)
        assert str(refused.value) == reason
