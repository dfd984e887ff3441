""""The firm", "the company", "a company statement": the body such words take up when it
last spoke a while back, when the noun comes with modifiers, when only the tagger knows it is
a body, and behind documents. Invented text only (never real articles)."""

from __future__ import annotations

from crosswire.records import Article
from quote_helpers import find_quote as _find


def test_quotes_the_company_is_the_body_that_spoke_most_not_the_paper(quotes_of):
    text = ("Corvane Bank said on Monday that a fault had frozen 8,000 accounts. Corvane Bank "
            "said the fault was fixed by noon. Queues formed outside two branches in Ostra. "
            "Some customers waited for three hours. The wait was the longest in years, the "
            "Ostra Herald noted. The company said that no savings had been lost.")
    assert _find(quotes_of(text), "no savings").speaker == "Corvane Bank"


def test_quotes_the_firm_with_modifiers_is_taken_up(quotes_of):
    text = ("Halvery Credit Inc. said on Tuesday that its records office had been flooded. "
            "Boxes of paper files were moved to a school gym. The credit firm said that no "
            "customer data had been lost.")
    assert _find(quotes_of(text), "no customer data").speaker == "Halvery Credit Inc."


def test_quotes_the_firm_the_article_introduced_with_that_noun(quotes_of):
    text = ("Thieves broke into a depot of lending firm Marrowick Holdings Ltd. overnight. "
            "Police closed the road for six hours. The firm said the thieves took two vans.")
    assert _find(quotes_of(text), "two vans").speaker == "Marrowick Holdings Ltd."


def test_quotes_a_relative_clause_set_off_does_not_stop_the_firm(quotes_of):
    text = ("Brantley Logistics said on Monday that a storm had closed its port depot. The "
            "firm, which runs forty depots, said the depot would open on Friday.")
    assert _find(quotes_of(text), "open on Friday").speaker == "Brantley Logistics"


def test_quotes_the_statement_of_who_said_in_a_statement(quotes_of):
    text = ("The Marlow Water Board said in a statement on Friday that the leak had been "
            "found.\n\n\u201cCrews worked through the night to close the main,\u201d the "
            "statement said.")
    assert _find(quotes_of(text), "worked through the night").speaker == "Marlow Water Board"


def test_quotes_a_company_statement_is_the_company(quotes_of):
    text = ("Ferrox Mining said on Monday that it would reopen the north shaft. The new seams "
            "were found by a survey team last spring, according to a company statement.")
    assert _find(quotes_of(text), "survey team").speaker == "Ferrox Mining"


def test_quotes_a_complaint_someone_filed_is_theirs(quotes_of):
    text = ("Rival sites copied the design within days. According to a complaint Ferrox "
            "Mining filed in May, a shell company began buying similar names within a week.")
    assert _find(quotes_of(text), "shell company").speaker == "Ferrox Mining"


def test_quotes_the_firm_is_the_body_the_headline_names(nlp):
    from crosswire.extract import extract_article

    text = ("Storm floods depot\nA storm flooded a depot near Ostra on Sunday. Brantley "
            "Logistics owns the depot, and Brantley Logistics trucks were moved to higher "
            "ground before the rain. Nobody was hurt. The firm said the depot would reopen "
            "within a week.")
    article = Article(id="t1", text=text, title="Brantley Logistics depot flooded in storm")
    quotes = extract_article(article, nlp(text)).quotes
    assert _find(quotes, "reopen within a week").speaker == "Brantley Logistics"


def test_quotes_a_modified_noun_takes_up_no_body_without_those_words(quotes_of):
    text = ("The Veldland Supreme Court said in May that the case could go on. Last week, "
            "the appeals court said the rules would stay in force until June.")
    assert _find(quotes_of(text), "stay in force").speaker != "Veldland Supreme Court"


def test_quotes_the_paper_a_column_ran_in_is_no_body_the_company_takes_up(nlp):
    from crosswire.extract import extract_article

    text = ("When Corvane Bank printed its apology as an opinion column in The Ostra Times last "
            "week, its new chief executive signed it. The company says its fee refunds will be "
            "paid by March.")
    article = Article(id="t1", text=text, title="Weeks later, Corvane Bank offers refunds")
    quotes = extract_article(article, nlp(text)).quotes
    assert _find(quotes, "fee refunds").speaker == "Corvane Bank"


def test_quotes_a_body_that_owns_a_decision_is_no_outlet(nlp):
    from crosswire.extract import extract_article

    text = ("Skyreach Airlines apologized on Monday to two passengers it had removed from a "
            "flight. The passengers called Skyreach Airlines's decision unfair. Skyreach "
            "Airlines will review its rules, the carrier's chief said. The rules date from "
            "1990, according to a company statement.")
    article = Article(id="t1", text=text, title="Skyreach says sorry to passengers")
    quotes = extract_article(article, nlp(text)).quotes
    assert _find(quotes, "rules date from").speaker == "Skyreach Airlines"


def test_quotes_a_statement_read_after_the_quote_is_its_body(quotes_of):
    # '"...," a statement from <body> read.': the tagger may take the closing "read" for a
    # noun, though the parse makes it the head of the statement and the quoted clause (read
    # on a real cluster: an airline's statement closed so was shown as unattributed)
    text = ("Velk Airlines grounded its fleet on Tuesday. \u201cWe regret the delay and will "
            "refund every passenger,\u201d a statement from Velk Airlines read.")
    assert _find(quotes_of(text), "refund every passenger").speaker == "Velk Airlines"


def test_quotes_a_title_in_marks_that_the_narration_uses_as_a_noun_is_no_quote(quotes_of):
    # read on a real cluster: a report opened on '"<Film Title>" made <producer> rich ...,
    # and <actress> says ...', and the title was shown as a quote of the actress; the marks
    # hold a name the writer's sentence uses as its subject, not anyone's words
    text = ("\u201cHarbor Lights\u201d made Hal Marrow rich and famous, and Mara Voss says he "
            "showed her off at every party as the film's lucky charm. \u201cI was nineteen "
            "and terrified,\u201d she said.")
    found = [q.text for q in quotes_of(text)]
    assert not [t for t in found if t.strip(" ,.") == "Harbor Lights"], found
    assert any("nineteen and terrified" in t for t in found), found  # control: words said


def test_quotes_a_name_coined_inside_reported_words_keeps_the_report(quotes_of):
    # a name in marks inside what someone is reported to say is their words: the report
    # stays one quote (a first version of the rule above dropped it, read on a real cluster)
    text = ("A columnist in the Orrin Ledger said the council risked turning the librarian "
            "into the \u201cIron Lady of Velk\u201d by closing the library.")
    found = [q.text for q in quotes_of(text)]
    assert any("Iron Lady of Velk" in t and "risked" in t for t in found), found
