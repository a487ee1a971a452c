"""Signed JWTs with a key id; verification checks signature, expiry, audience and issuer."""

import uuid
from datetime import UTC, datetime, timedelta

import jwt

from gateway.domain.identity import Principal, access_claims, principal_from_claims


class InvalidToken(Exception):
    pass


# What the client is told of each refusal, instead of the library's words.
_REFUSALS: tuple[tuple[type[Exception], str], ...] = (
    (jwt.ExpiredSignatureError, "it has expired; ask for a new one"),
    (jwt.ImmatureSignatureError, "it is not valid yet"),
    (jwt.InvalidAudienceError, "it was issued for another audience"),
    (jwt.InvalidIssuerError, "it was issued by someone else"),
    (jwt.MissingRequiredClaimError, "it lacks a claim every token carries"),
    (jwt.InvalidSignatureError, "its signature does not match"),
    (jwt.InvalidAlgorithmError, "it is signed with an algorithm this API does not take"),
    (jwt.DecodeError, "it is not a well-formed token"),
)


def _refusal(error: Exception) -> str:
    for kind, reason in _REFUSALS:
        if isinstance(error, kind):
            return reason
    return "it cannot be verified"


class TokenSigner:
    ALGORITHM = "HS256"

    def __init__(self, keys: dict[str, str], active_kid: str, *, audience: str, issuer: str, ttl_s: int) -> None:
        self.keys = keys
        self.active_kid = active_kid
        self.audience = audience
        self.issuer = issuer
        self.ttl = timedelta(seconds=ttl_s)

    def issue(self, principal: Principal) -> str:
        claims = access_claims(
            principal,
            now=datetime.now(UTC),
            ttl=self.ttl,
            audience=self.audience,
            issuer=self.issuer,
            token_id=uuid.uuid4().hex,
        )
        return jwt.encode(
            claims, self.keys[self.active_kid], algorithm=self.ALGORITHM, headers={"kid": self.active_kid}
        )

    def verify(self, token: str) -> Principal:
        return self.verify_with_expiry(token)[0]

    def verify_with_expiry(self, token: str) -> tuple[Principal, float]:
        try:
            header = jwt.get_unverified_header(token)
            key = self.keys.get(str(header.get("kid")))
            if key is None:
                raise InvalidToken("unknown key id")
            # Only our algorithm: a token saying alg "none" or another algorithm is refused.
            claims = jwt.decode(
                token,
                key,
                algorithms=[self.ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "sub", "aud", "iss"]},
            )
            return principal_from_claims(claims), float(claims["exp"])
        except InvalidToken:
            raise
        except (jwt.PyJWTError, KeyError, ValueError) as exc:
            raise InvalidToken(_refusal(exc)) from exc
