from rag.corpus import add_documents, safe_name


def test_safe_name_strips_folders_and_odd_characters():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\evil\\x.txt") == "x.txt"
    assert safe_name(".hidden.md") == "hidden.md"
    assert safe_name("a<b>|c.txt") == "a_b_c.txt"


def test_never_overwrites_a_different_file(settings, tmp_path):
    new = tmp_path / "000_b55949e5afad05ef.txt"
    new.write_text("A different article that happens to share the name of a shipped one.")
    [result] = add_documents([new], settings)
    assert result.saved_as == "000_b55949e5afad05ef-1.txt"
    assert (settings.data_dir / "000_b55949e5afad05ef.txt").read_text() != new.read_text()


def test_latin1_upload_is_refused_with_the_fix(settings, tmp_path):
    bad = tmp_path / "old.txt"
    bad.write_bytes("Caf\xe9 culture in the old days of the show.".encode("latin-1"))
    [result] = add_documents([bad], settings)
    assert result.saved_as == "" and "UTF-8" in result.message
