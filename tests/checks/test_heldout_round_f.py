"""Mends for what the sixth to tenth rounds of held-out trees showed, and
what a review of those mends said they must not hide.

The trees (``bench/labels/heldout-2026-12-04f.md`` to ``-j.md``: the Apache
HTTP Server's and curl's sites, git's manual, the WHATWG's old drafts, GOV.UK
tech docs, Hugo, Argo CD and Harbor sites, Sphinx docs) were read by helpers
who never saw the checks; each test is a document of our own with the shape
they found, run through the shipped packs as ``copydesk check`` runs them,
and asserts exact findings and fixes.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk.markup import format_for_path, plain
from copydesk.markup.diff_hunks import hunk_spans
from copydesk.model import Applicability

# -- style.Repetition -------------------------------------------------------------


def test_a_doubled_identifier_is_a_declaration() -> None:
    page = (
        '<div class="ttdeci">struct apr_pool_t apr_pool_t</div>\n'
        "<p>Each pool is freed with its parent the the moment it ends.</p>\n"
    )
    assert found(page, "pools.html", "style") == [(2, 39, "style.Repetition")]


def test_a_doubled_and_before_a_vowel_may_be_a_missing_an() -> None:
    text = "It takes an RSA key and and AES key.\nShe came and and left.\n"
    fixes = [
        (f.line, f.fix and f.fix.applicability) for f in lint(text, "a.txt", "style")
    ]
    assert fixes == [(1, Applicability.UNSAFE), (2, Applicability.SAFE)]


# -- a pasted diff ----------------------------------------------------------------

PATCH = """\
This patch fixes the "escaping" bug in the the handler.

Index: src/main.c
===================================================================
--- src/main.c\t2000/01/18 19:32:49\t1.162
+++ src/main.c\t2000/02/02 07:59:17
@@ -10,5 +10,6 @@
 static void emit(request_rec *r)
 {
-    ap_rputs("<A HREF=\\"", r);
+    ap_rputs("<A HREF=\\"", r); /* The default default name */
+    ap_rputs(r->uri, r);

     return;
@@ -40,2 +41,2 @@
-  old "line
+  new "line
Please test it it before Friday, and report "problems.
- a list item "quoted here
"""


def test_a_diff_in_plain_text_is_code_and_the_prose_after_it_is_read() -> None:
    assert found(PATCH, "fix.txt", "quotes", "style") == [
        (1, 40, "style.Repetition"),
        (18, 13, "style.Repetition"),
        (18, 45, "quotes.Unclosed"),
        (19, 15, "quotes.Unclosed"),
    ]


def test_hunk_spans_cover_the_header_and_the_counted_lines() -> None:
    spans = hunk_spans(PATCH)
    assert len(spans) == 1
    start, end = spans[0]
    assert PATCH[start:].startswith("Index: src/main.c")
    assert PATCH[end:].startswith("Please test it")


def test_a_hunk_header_alone_or_a_plus_line_in_prose_is_no_diff() -> None:
    assert hunk_spans("We met at @@ -1,2 +1,2 @@ in chat.\n") == []
    assert hunk_spans("- first\n+ second\n") == []


def test_windows_never_cut_a_hunk() -> None:
    text = "Intro.\n\n" + "".join(
        f'@@ -{n},4 +{n},4 @@\n ctx\n-old "a\n\n ctx\n+new "b\n\nAfter {n}.\n\n'
        for n in range(1, 40)
    )
    whole = plain.read(text).prose
    pieces = [(start, parsed.prose) for start, parsed in plain.read_windows(text, 64)]
    assert "".join(prose for _, prose in pieces) == whole
    assert '"' not in whole


# -- typos.Unknown ----------------------------------------------------------------


def test_user_names_of_a_committer_list_are_names() -> None:
    page = (
        "# Committers\n\nThe people below can commit:\n\n"
        "- aaron : Aaron Bannert\n- clar : Jean-Jacques Clar\n"
        "- coar : Ken A L Coar\n- dgaudet :\n- dreid : David Reid\n"
        "- druggeri : Daniel Ruggeri\n- fielding : Roy T. Fielding\n\n"
        "Send a mesage to the list.\n"
    )
    assert found(page, "committers.md", "typos") == [(13, 8, "typos.Unknown")]


def test_a_list_of_settings_is_no_committer_list() -> None:
    page = (
        "Options:\n\n- timout : Sets the limit\n- reciever : Gets data\n"
        "- verbose : Noisy\n- colour : Yes\n- level : Two\n"
    )
    assert [(line, rule) for line, _, rule in found(page, "opts.md", "typos")] == [
        (3, "typos.Unknown"),
        (4, "typos.Unknown"),
    ]


def test_a_placeholder_of_one_letter_is_no_typo() -> None:
    text = "Committed with contributions from xxxx and from zzzz alike.\n"
    assert found(text, "log.txt", "typos") == []


def test_the_documents_own_word_comes_first_among_like_corrections() -> None:
    text = (
        "Grant your managed identity access. The identiy needs a role.\n\n"
        "We test gcc vesions 10 and 11; newer versions follow.\n"
    )
    firsts = [f.suggestions[0] for f in lint(text, "a.txt", "typos")]
    assert firsts == ["identity", "versions"]


# -- artifacts --------------------------------------------------------------------


def test_a_file_of_one_control_word_holds_no_pasted_text() -> None:
    assert found("mail\n", "paths.txt", "artifacts") == []
    assert found("The council met today.\n\nMail\n", "story.txt", "artifacts") == [
        (3, 1, "artifacts.Misc")
    ]


# -- ERB templates ----------------------------------------------------------------


def test_an_erb_template_is_read_as_its_inner_format() -> None:
    assert format_for_path("source/index.html.md.erb") == "markdown"
    assert format_for_path("app/views/home.html.erb") == "html"
    assert format_for_path("config/database.yml.erb") is None
    assert format_for_path("Gemfile.erb") is None


def test_erb_tags_are_template_syntax_and_the_page_around_them_prose() -> None:
    page = (
        "---\ntitle: Principles\n---\n\n# <%= current_page.data.title %>\n\n"
        '<%= partial "partials/intro", locals: { name: "it\'s" } %>\n\n'
        "We have created this ramework to guide teams.\n"
    )
    assert found(page, "index.html.md.erb", "typos", "quotes") == [
        (9, 22, "typos.Unknown")
    ]


# -- earlier trees again: coined prefixes, missing words, quoted values ----------


def test_a_consonant_no_english_word_starts_with_prefixes_a_name() -> None:
    text = (
        "Link with the pthread library and look at the vtables in gdb.\n"
        "Use kprobes to trace lseek calls, then count xfailed tests in a "
        "gzipped log.\nThe fromatter is a slip, and so is the ccode one.\n"
    )
    # A letter struck twice ("ccode") is a slip, not such a name.
    assert found(text, "notes.txt", "typos") == [
        (3, 5, "typos.Unknown"),
        (3, 40, "typos.Unknown"),
    ]


def test_words_the_word_list_lacked_are_known() -> None:
    text = (
        "The map is surjective but not injective, and the significand is "
        "exact.\nA mentee and her coachee share a modus operandi; the emeriti "
        "agree.\n"
    )
    assert found(text, "notes.txt", "typos") == []


def test_a_value_with_its_trailing_space_closes_before_punctuation() -> None:
    page = (
        "<p>The footer reads &quot;Last modified: &quot;; set it.</p>\n"
        "<p>Split on &quot;; &quot;.  Then join.</p>\n"
        "<p>He said &quot;no ; and left.</p>\n"
    )
    assert found(page, "man.html", "quotes") == [(3, 12, "quotes.Unclosed")]


def test_a_quoted_word_inflected_as_a_verb_closes_before_its_ending() -> None:
    text = (
        "When the module is 'use'd it loads them, and 'tee'ing them works.\n"
        "He read 'Guardian's editor' today.\n"
    )
    assert found(text, "notes.txt", "quotes") == []


def test_a_quotation_opened_with_an_ellipsis_inside_another_still_opens() -> None:
    text = (
        'She said "I thought "... oh no; what is that?", then "... what am I '
        'doing here..." and went on."\n'
    )
    assert found(text, "notes.md", "quotes") == []


def test_an_if_clauses_then_before_its_main_verb_is_no_than() -> None:
    text = (
        "If this makes the array larger then class's mapping for the extra "
        "elements should be returned.\nIf the file is larger then 2 GB, split "
        "it.\nWhen the load is higher then expected, we scale.\n"
    )
    assert found(text, "notes.txt", "typos") == [
        (2, 23, "typos.RealWords"),
        (3, 25, "typos.RealWords"),
    ]


def test_a_stranded_preposition_is_read_across_a_line_break() -> None:
    text = (
        "The style is something which one thread was allowed to\n"
        "write to to create, after which all may read it.\n"
    )
    assert found(text, "notes.md", "style") == []


# -- a seventh round: curl's site, pip's docs, the US design system ------------


def test_a_double_a_quotation_holds_whole_is_named() -> None:
    page = (
        "<li>remove two instances of &quot;only only&quot; messages</li>\n"
        "<li>the the fix went in</li>\n"
    )
    assert found(page, "changes.html", "style") == [(2, 5, "style.Repetition")]


def test_a_word_before_its_url_scheme_is_no_double() -> None:
    text = "Large file file:// resumes work; a large file file resume fails.\n"
    assert found(text, "notes.txt", "style") == [(1, 42, "style.Repetition")]


def test_a_doubled_the_after_a_verb_of_going_may_hide_a_to() -> None:
    text = "Please go the the guide first.\nWe saw the the cat.\n"
    fixes = [
        (f.line, f.fix and f.fix.applicability) for f in lint(text, "a.txt", "style")
    ]
    assert fixes == [(1, Applicability.UNSAFE), (2, Applicability.SAFE)]


def test_a_script_saved_as_text_is_code() -> None:
    script = '#!/bin/sh\n# Build it\nsed -e "s/^.*href=\\"//" file\necho "teh end\n'
    assert found(script, "autobuild.txt", "quotes", "typos") == []
    assert found(script[2:], "notes.txt", "quotes", "typos") != []


# -- an eighth round: git's HTML docs, the 18F handbook, Argo CD, tox --------------


def test_a_bracketed_first_letter_builds_the_word_after_it() -> None:
    page = (
        "<p>compares a (c)ommit and the (w)ork tree;</p>\n"
        "<p>compares an (o)bject and a (w)ork tree entity; ommit it.</p>\n"
    )
    assert found(page, "diff.html", "typos") == [(2, 51, "typos.Misspellings")]


def test_a_backslash_escapes_a_mark_where_it_is_no_markup() -> None:
    page = (
        "<p>&quot;Can't locate method \\&quot;%s\\&quot; via package&quot; here.</p>\n"
        "<p>Unary &quot;\\&quot; creates a reference.</p>\n"
        '<p>Add a backslash ("<code>\\</code>") first.</p>\n'
        '<p>Write <code>x\\</code>" for a mark in a value.</p>\n'
        '<p>He said "hello and left.</p>\n'
    )
    assert found(page, "perldiag.html", "quotes") == [(5, 12, "quotes.Unclosed")]
    # In Markdown a backslash is how a writer shows a quote mark.
    assert found('He said \\"hello and left.\n', "a.md", "quotes") == [
        (1, 10, "quotes.Unclosed")
    ]


def test_a_mark_its_neighbour_names_is_mentioned() -> None:
    page = (
        '<p>Doublequote " and backslash can be escaped.</p>\n'
        '<p>Entries that begin with " (double-quote) are read apart.</p>\n'
        '<p>Avoid characters like \\t, \\n, or ") in names.</p>\n'
    )
    assert found(page, "config.html", "quotes") == []


def test_a_value_of_symbols_keeps_its_spaces() -> None:
    page = (
        "<p>Defaults to &quot;&#160;(&quot;.</p>\n"
        "<p>Defaults to &quot;&#160;&#8594;&#160;&quot;.</p>\n"
        '<p>ref names without the " (", ")" wrapping.</p>\n'
    )
    assert found(page, "log.html", "quotes") == []


def test_an_inch_mark_after_a_fraction() -> None:
    assert found('A 2½" blade is allowed.\n', "notes.md", "quotes") == []


def test_real_word_contexts_that_are_right_as_written() -> None:
    text = (
        "Attach it to your welcome email.\nThanks, your welcome.\n"
        "The mode sets how thorough the check is.\nWe went thorough the door.\n"
        "If the bill is higher then it was last year, complain.\n"
        "Your welcome here any time.\n"
    )
    assert found(text, "notes.txt", "typos") == [
        (2, 9, "typos.RealWords"),
        (4, 9, "typos.RealWords"),
        (5, 23, "typos.RealWords"),
        (6, 1, "typos.RealWords"),
    ]


def test_a_command_inflected_after_an_apostrophe_is_no_typo() -> None:
    text = "Then exec'ed into the pod and grep'd the log.\n"
    assert found(text, "notes.md", "typos") == []
    # A word with its own regular form is that form mistyped.
    slips = "The band play'ed on; fans shout'ed; they'ed left.\n"
    assert [f.match for f in lint(slips, "story.txt", "typos")] == [
        "play'ed",
        "shout'ed",
        "they'ed",
    ]


def test_a_slip_named_with_its_mend_keeps_its_spelling() -> None:
    page = (
        "<p>Typo fixes are welcome (&quot;teh &#8594; the&quot;).</p>\n"
        "<p>Typo: recieve -&gt; receive fixed. We recieve mail.</p>\n"
    )
    assert found(page, "guide.html", "typos") == [(2, 42, "typos.Misspellings")]


# -- a ninth round: the WHATWG's old specification drafts -------------------------


def test_a_symbol_quoted_or_bracketed_as_a_reference_is_named() -> None:
    page = (
        "<p>U+0022 QUOTATION MARK (&quot;) starts an attribute value.</p>\n"
        "<p>If the character is ('&#x201A'), emit it; ('&#x201D') too.</p>\n"
        "<p>Then a (&quot;'&quot;) or '&quot;' character ends it.</p>\n"
        "<p>If the next character is '&lt;' (ASCII '<') then switch.</p>\n"
        "<p>He said 'hello and left.</p>\n"
    )
    assert found(page, "spec.html", "quotes") == [(5, 12, "quotes.Unclosed")]


def test_a_cheaper_slip_outranks_the_pages_own_word() -> None:
    text = "The whole thing is wholy new.\n"
    assert [f.suggestions[0] for f in lint(text, "a.txt", "typos")] == ["wholly"]


def test_marks_named_by_code_or_beside_a_reference_url_or_nbsp() -> None:
    page = (
        "<p>If the byte is 0x22 (ASCII \") or 0x27 (ASCII ') then switch.</p>\n"
        '<p>Emit the string "&nbsp;B&nbsp;B" as the value.</p>\n'
        "<p>the text &quot;www.w3&quot; and a cursor</p>\n"
        '<p>The value is "<code>C:\\fakepath\\</code>" here.</p>\n'
        '<p>He said "hello and left.</p>\n'
    )
    assert found(page, "spec.html", "quotes") == [(5, 12, "quotes.Unclosed")]


def test_a_handle_one_edit_from_a_rarer_word_in_a_long_list_of_thanks() -> None:
    page = (
        "<p>Thanks to Aaron Leventhal, Anne van Kesteren, Ben Godfrey, Boris "
        "Zbarsky, Brad Fults, dolphinling, Doron Rosenberg, Eira Monstad,\n"
        "fantasai, Franck 'Shift' Qu&eacute;lain, Henri Sivonen, Henrik Lied, "
        "James Graham, and Jens Bannmann.</p>\n<p>We thank the otehrs too.</p>\n"
    )
    assert [(f.line, f.match) for f in lint(page, "ack.html", "typos")] == [
        (3, "otehrs")
    ]


def test_a_double_its_anchor_spells_is_a_defined_name() -> None:
    page = (
        '<h5 id="script-data-escaped-dash-dash-state"><dfn>Script data escaped '
        "dash dash state</dfn></h5>\n"
        '<p>Switch to the <a href="#the-after-after-body-mode">after after '
        "body</a> mode.</p>\n<p>Then the the parser stops.</p>\n"
    )
    assert found(page, "spec.html", "style") == [(3, 9, "style.Repetition")]
    # In Markdown the anchor is no markup of the line: the double stays.
    assert found("Use the dash dash option.\n", "a.md", "style") != []


def test_library_and_file_system_names_are_coined() -> None:
    text = (
        "Link with libm and libxml2, mount the overlayfs and watch an eventfd.\n"
        "The libary is a slip.\n"
    )
    assert found(text, "notes.txt", "typos") == [(2, 5, "typos.Misspellings")]


# -- a tenth round: Harbor's site, the GOV.UK design system ----------------------


def test_a_padded_quotation_is_the_pages_spacing_but_a_drafts_slip() -> None:
    text = (
        '1. the " `gdb httpd` " command takes no options\n'
        "2. Then type ' cd / ' and press return, then ' ls -l '.\n"
    )
    assert found(text, "debugging.md", "quotes") == []
    draft = 'They were " very productive " at the time.\n'
    misspaced = [(1, 11, "quotes.Stray"), (1, 29, "quotes.Stray")]
    assert found(draft, "story.txt", "quotes") == misspaced
    # Words padded in a page are misspaced too: only a command or a value
    # keeps its spaces.
    assert found(draft, "story.md", "quotes") == misspaced


def test_an_images_alt_text_starts_after_its_bracket() -> None:
    text = (
        "![‘Check a service is suitable’ flow diagram](a.svg)\n\n"
        "[!['Hello World' example](a.png)](b)\n"
    )
    assert found(text, "pattern.md", "quotes") == []


def test_a_plural_possessive_in_a_quotation_leaves_it_open() -> None:
    text = (
        "The union leader said: ‘We believe the workers’ pay has fallen too "
        "far, and we will strike.\n"
    )
    assert found(text, "story.txt", "quotes") == [(1, 24, "quotes.Unclosed")]


def test_a_wide_gap_between_repeats_is_layout() -> None:
    text = (
        "The list holds data   data blocks, then the the end.\nWe saw the  the cat.\n"
    )
    assert found(text, "notes.txt", "style") == [
        (1, 41, "style.Repetition"),
        (2, 8, "style.Repetition"),
    ]


# -- a review of the rounds' mends: what they must not hide ------------------------


def test_what_the_mends_must_not_hide_in_news_copy() -> None:
    story = (
        'The sign read "Closed for repairs ". Nobody knew why.\n\n'
        "She said 'I'd had enough' and left.\n\n"
        'Save the file to the folder "C:\\" and restart.\n\n'
        '"We had 14" yet the schools stayed open," the mayor said.\n\n'
        "The council will rport its findings; the librarry and the rooffs.\n\n"
        "They voted on the   the budget.\n"
    )
    assert [
        (f.line, f.rule) for f in lint(story, "story.txt", "quotes", "typos", "style")
    ] == [
        (1, "quotes.Unclosed"),
        (1, "quotes.Unclosed"),
        (9, "typos.Unknown"),
        (9, "typos.Unknown"),
        (9, "typos.Unknown"),
        (11, "style.Repetition"),
    ]


def test_a_slug_made_from_a_slip_hides_no_doubled_function_word() -> None:
    page = '<h2 id="voters-head-to-the-the-polls">Voters head to the the polls</h2>\n'
    assert found(page, "news.html", "style") == [(1, 54, "style.Repetition")]


def test_a_trimmed_hunk_ends_at_a_blank_line_before_a_list() -> None:
    text = (
        "@@ -120,40 +120,41 @@ static int parse(void)\n"
        "-    if (len > max)\n+    if (len >= max)\n\n"
        "- fixed teh off-by-one error\n- removed an unused varaible\n"
    )
    assert [f.line for f in lint(text, "post.txt", "typos")] == [5, 6]


def test_only_an_interpreter_line_makes_a_script() -> None:
    text = "#!!! BREAKING: The mayor has resigned, officals said.\n"
    assert found(text, "alert.txt", "typos") == [(1, 40, "typos.Misspellings")]


def test_windows_of_text_agree_with_the_whole_around_scripts_and_hunks() -> None:
    para = "The council said teh budget was ready.\n\n"
    text = para * 40 + "#!/bin/sh\necho hi\n\n" + para * 40
    hunk = '@@ -1,3 +1,3 @@\n ctx\n\n ctx\n-old "a\n+new "b\n\n'
    text += "Patch:\n\n" + hunk * 30 + para * 10
    whole = plain.read(text).prose
    joined = "".join(p.prose for _, p in plain.read_windows(text, 300))
    assert joined == whole


def test_values_that_keep_a_trailing_space_are_labels_prompts_and_tokens() -> None:
    page = (
        '<p>It gives a prompt "What now&gt; ".  In general, answer it.</p>\n'
        '<p>Titles begin with "squash! ", "fixup! " or "[PATCH n/m] ".</p>\n'
        '<p>He said "no comment ", and walked away.</p>\n'
    )
    assert found(page, "git.html", "quotes") == [
        (3, 12, "quotes.Unclosed"),
        (3, 24, "quotes.Unclosed"),
    ]


def test_one_padded_token_is_a_key_or_a_value_in_a_page() -> None:
    text = (
        'Press " i " to enter insert mode.\n\n'
        'It tests the variable " HAPROXY_MWORKER " (with its spaces).\n'
    )
    assert found(text, "editor.md", "quotes") == []
    # In a draft the same spacing is a slip.
    assert found('He said " yes " at once.\n', "story.txt", "quotes") == [
        (1, 9, "quotes.Stray"),
        (1, 15, "quotes.Stray"),
    ]


def test_a_value_ending_in_a_slash_closes_before_a_stop_after_its_reference() -> None:
    text = (
        "<p>Keys prefixed with &lsquo;kubectl.kubernetes.io/&rsquo;.</p>\n\n"
        "<p>Use &lsquo;*,-kubectl.kubernetes.io/&rsquo;- all but those.</p>\n\n"
        '{/* A comment never rendered, holding one " mark */}\n\n'
        "Keys prefixed with ‘kubectl.kubernetes.io/ are open.\n"
    )
    assert found(text, "api-docs.md", "quotes") == [(7, 20, "quotes.Unclosed")]
