# ruff: noqa: E501  (translations read best one per line)
"""Security review fixes (attack1): msgid -> (de, ru, uk)."""

T = {
    "Sign in to confirm your new address.": (
        "Melden Sie sich an, um Ihre neue Adresse zu bestätigen.",
        "Войдите, чтобы подтвердить новый адрес.",
        "Увійдіть, щоб підтвердити нову адресу.",
    ),
}
