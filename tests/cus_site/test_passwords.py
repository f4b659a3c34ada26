import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation


def test_passwords_shorter_than_twelve_characters_are_refused_in_polish(db):
    with translation.override("pl"), pytest.raises(ValidationError) as error:
        validate_password("Krótkie1!x")
    assert "co najmniej 12 znaków" in " ".join(error.value.messages)
    validate_password("długie-hasło-redaktorki")
