"""Device keys, signatures and the fingerprints people compare on two screens."""

from __future__ import annotations

from liaison.domain import signing

# RFC 8032, section 7.1, TEST 1 (the empty message).
PRIVATE = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
PUBLIC = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
"""d75a9801…f707511a, base64."""
SIGNATURE = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
    "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
)
FINGERPRINT = "21FE-31DF-A154-A261-626B-F854-046F-D227-1B7B-ED4B"
"""The first 40 hex digits of sha256(d75a9801…f707511a) = 21fe31df…ed4b6abe…, in fours."""
MESSAGE = "诉求已办结".encode()


def test_public_key_of_the_rfc_8032_key_is_its_raw_bytes_in_base64() -> None:
    assert signing.public_key(PRIVATE) == PUBLIC


def test_signature_of_the_rfc_8032_key_over_the_empty_message() -> None:
    assert signing.sign(PRIVATE, b"") == SIGNATURE
    assert len(SIGNATURE) == signing.SIGNATURE_SIZE


def test_verify_accepts_a_signature_made_with_the_key() -> None:
    assert signing.verify(PUBLIC, SIGNATURE, b"") is True
    assert signing.verify(PUBLIC, signing.sign(PRIVATE, MESSAGE), MESSAGE) is True


def test_verify_refuses_the_signature_of_another_message() -> None:
    assert signing.verify(PUBLIC, SIGNATURE, MESSAGE) is False


def test_verify_refuses_a_tampered_signature() -> None:
    tampered = bytes([SIGNATURE[0] ^ 1]) + SIGNATURE[1:]
    assert signing.verify(PUBLIC, tampered, b"") is False


def test_verify_refuses_a_signature_by_another_key() -> None:
    other = signing.new_private_key()
    assert signing.verify(PUBLIC, signing.sign(other, MESSAGE), MESSAGE) is False


def test_verify_refuses_a_public_key_that_is_not_a_key() -> None:
    assert signing.verify("not a key", SIGNATURE, b"") is False
    assert signing.verify(PUBLIC[:-8] + "=", SIGNATURE, b"") is False  # too short


def test_verify_refuses_a_public_key_text_with_a_stray_character() -> None:
    # Lenient base64 would drop the "*" and find the right key: a key is compared exactly.
    assert signing.verify(PUBLIC[:10] + "*" + PUBLIC[10:], SIGNATURE, b"") is False


def test_new_private_keys_are_raw_32_byte_keys_that_sign() -> None:
    first, second = signing.new_private_key(), signing.new_private_key()
    assert (len(first), len(second)) == (32, 32)
    assert first != second
    assert signing.verify(signing.public_key(first), signing.sign(first, MESSAGE), MESSAGE)


def test_fingerprint_is_the_start_of_the_key_hash_in_groups_of_four() -> None:
    assert signing.fingerprint(PUBLIC) == FINGERPRINT


def test_a_fingerprint_typed_in_lower_case_with_spaces_is_normalized() -> None:
    typed = "21fe 31df a154 a261 626b f854 046f d227 1b7b ed4b"
    assert signing.normalize_fingerprint(typed) == FINGERPRINT


def test_a_fingerprint_typed_without_separators_is_normalized() -> None:
    assert signing.normalize_fingerprint("21FE31dfA154a261626BF854046fd2271b7bed4b") == FINGERPRINT


def test_a_canonical_fingerprint_is_left_as_it_is() -> None:
    assert signing.normalize_fingerprint(FINGERPRINT) == FINGERPRINT


def test_a_partly_typed_fingerprint_is_grouped_from_the_start() -> None:
    assert signing.normalize_fingerprint(" 21fe-31d") == "21FE-31D"
