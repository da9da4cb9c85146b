import pytest

from eventledger.textutil import is_name_words


@pytest.mark.parametrize("line, is_name", [
    ("Zagros Human Rights Center", True),
    ("Hengaw Organization for Human Rights", True),
    ("Pars Official News (PON)", True),
    ("Activists defy the ban", False),       # a title: lower-case verb and object
    ("Strikers (and their families)", False),
    ("", False),
])
def test_is_name_words(line, is_name):
    assert is_name_words(line.split()) is is_name
