import pytest

from rag.questions import alternatives, asked_role, names_actor, question_parts


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("What does season 2 explore?", ["What does season 2 explore?"]),
        ("Who plays Malcolm and who plays Trish?", ["Who plays Malcolm?", "Who plays Trish?"]),
        ("Who helms The Defenders, and where does it premiere?",
         ["Who helms The Defenders?", "Where does it premiere?"]),
        ("Is season 2 expected in 2017 or in 2018?",
         ["Is season 2 expected in 2017?", "Is season 2 expected in 2018?"]),
        ("Did Trish and Jessica fight?", ["Did Trish and Jessica fight?"]),
    ],
)
def test_question_parts(question, parts):
    assert question_parts(question) == parts


def test_alternatives():
    assert alternatives("Is it out in May or June?") == ("May", "June")
    assert alternatives("Is it out in 2017 or in 2018?") == ("2017", "2018")
    assert alternatives("What does season 2 explore?") == ()


@pytest.mark.parametrize(
    ("question", "role"),
    [("Who plays Iron Fist?", "Iron Fist"), ("who portrayed the Punisher", "Punisher"),
     ("Who stars as Jessica Jones?", "Jessica Jones"), ("Who is Trish?", "")],
)
def test_asked_role(question, role):
    assert asked_role(question) == role


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        ("friends such as Malcolm (Eka Darville), who will appear", True),
        ("unites Luke and Jessica with Finn Jones\u2019s Iron Fist.", True),
        ("with Charlie Cox as Malcolm in a cameo", True),
        ("Malcolm will appear in The Defenders.", False),
        ("Malcolm (who else?) came back.", False),
    ],
)
def test_names_actor(text, credited):
    assert names_actor("Malcolm" if "Iron Fist" not in text else "Iron Fist", text) is credited


def test_yes_no_questions():
    from rag.questions import is_yes_no

    assert is_yes_no("Is season 2 expected in 2017?")
    assert is_yes_no("Will Kilgrave come back?")
    assert not is_yes_no("What is the core relationship of the show?")
