"""The Arabic text layer: folding keeps a map to the original text."""
from isnad.text import fold, fold_key, lookup_forms, quotations, sentences, tokens

# Real phrases from the seed pages.
ZAKHAROVA = "وقالت المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا، اليوم الخميس، إن المزاعم"
PERSIAN_LETTERS = "الأزمة الأوکرانیة"  # Persian kaf and yeh, as in a seed tag line
BLOOMBERG = "نفى الكرملين اليوم الجمعة تقريرا لوكالة بلومبرج أفاد بأن الرئيس فلاديمير بوتين “يجس نبض” الولايات المتحدة"


def test_letter_variants_fold_together():
    assert fold_key(PERSIAN_LETTERS) == fold_key("الأزمة الأوكرانية") == "الازمه الاوكرانيه"
    assert fold_key("الأمريكية") == "الامريكيه"
    assert fold_key("إلى") == fold_key("الي")
    assert fold_key("مؤتمر") == "موتمر"


def test_diacritics_tatweel_and_zero_width_are_removed_with_offsets_kept():
    original = "قالَ الـمـتحدث\u200f إنّ ٢٠٢٤"
    folded = fold(original)
    assert folded.text == "قال المتحدث ان 2024"
    start = folded.text.index("المتحدث")
    s, e = folded.span_to_original(start, start + len("المتحدث"))
    assert original[s:e] == "الـمـتحدث"
    s, e = folded.span_to_original(folded.text.index("2024"), len(folded.text))
    assert original[s:e] == "٢٠٢٤"


def test_presentation_forms_expand_and_map_back():
    original = "ﻻ شيء"  # lam-alef ligature, one character in the original
    folded = fold(original)
    assert folded.text == "لا شيء"
    assert folded.span_to_original(0, 2) == (0, 1)
    assert original[slice(*folded.span_to_original(3, 6))] == "شيء"


def test_quote_marks_are_unified():
    folded = fold(BLOOMBERG)
    assert '"يجس نبض"' in folded.text
    assert fold("«لم توافق إدارة بايدن»").text == '"لم توافق اداره بايدن"'


def test_span_identity_when_nothing_changes_length():
    folded = fold(ZAKHAROVA)
    i = folded.text.index("زاخاروفا")
    assert ZAKHAROVA[slice(*folded.span_to_original(i, i + 8))] == "زاخاروفا"


def test_proclitics_are_split_for_lookup():
    assert "الروسيه" in lookup_forms("والروسيه")
    assert "الكرملين" in lookup_forms("للكرملين")
    assert "بيسكوف" in lookup_forms("وبيسكوف")
    assert lookup_forms("قال") == ("قال",)


def test_tokens_carry_folded_offsets():
    text = fold(ZAKHAROVA).text
    toks = tokens(text)
    assert [t.text for t in toks[:3]] == ["وقالت", "المتحدثه", "باسم"]
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_sentences_respect_quotes_and_initials():
    text = (
        'وقال ميلر: "لقد رأيت هذه الرسائل، لكن ليس لدي أي تعليق على ذلك. أنصحكم بالاتصال بالجانب الأوكراني". '
        "وأفادت شبكة «إن.بي.سي نيوز» بأن مسؤولين اجتمعوا مع لافروف. وقال د. أحمد إن 1.5 مليون شخص نزحوا."
    )
    spans = sentences(text)
    parts = [text[s:e] for s, e in spans]
    assert parts[0].endswith('بالجانب الأوكراني".')
    assert parts[1] == "وأفادت شبكة «إن.بي.سي نيوز» بأن مسؤولين اجتمعوا مع لافروف."
    assert parts[2] == "وقال د. أحمد إن 1.5 مليون شخص نزحوا."
    assert len(parts) == 3


def test_a_web_address_does_not_end_a_sentence_but_run_together_arabic_sentences_do():
    text = ("كشفت الهيئة في تقرير على موقعها (www.sfda.gov.sa) أنها رفضت فسح الشحنات."
            "وأضافت أن الفحص مستمر.وكانت الهيئة قد حذرت من ذلك.")
    parts = [text[s:e] for s, e in sentences(text)]
    assert parts == ["كشفت الهيئة في تقرير على موقعها (www.sfda.gov.sa) أنها رفضت فسح الشحنات.",
                     "وأضافت أن الفحص مستمر.", "وكانت الهيئة قد حذرت من ذلك."]


def test_sentences_end_at_line_breaks_even_inside_an_unclosed_quote():
    text = "ورد بيسكوف “لا، هذا تقرير خاطئ.\nالمصدر رويترز"
    parts = [text[s:e] for s, e in sentences(text)]
    assert parts == ["ورد بيسكوف “لا، هذا تقرير خاطئ.", "المصدر رويترز"]


def test_a_quotation_that_never_closes_does_not_swallow_the_paragraph():
    # a real page (SaudiNewsNet) opens «اطلعت … and never closes it; a later «…» pair closes normally
    text = ("وقال سموه: «اطلعت على كافة الاستعدادات.. وأضاف سموه: أود أن أشكر جميع الشركاء. "
            "وأكد سموه أن مبادرة «عسير.. وجهة سياحية» ماضية. وقال إن الموسم ناجح.")
    parts = [text[s:e] for s, e in sentences(text)]
    assert parts == ["وقال سموه: «اطلعت على كافة الاستعدادات..", "وأضاف سموه: أود أن أشكر جميع الشركاء.",
                     "وأكد سموه أن مبادرة «عسير.. وجهة سياحية» ماضية.", "وقال إن الموسم ناجح."]


def test_curly_quotes_typed_the_other_way_round_pair_and_keep_their_sentences_together():
    text = "وأضاف: ” للأسف تنظر بعين واحدة. فأهم هدف لديها الحرب “، وتابع: ”لا يهمها شيء“."
    pairs = quotations(text)
    assert [(text[a], text[b]) for a, b in pairs] == [("”", "“"), ("”", "“")]
    assert len(sentences(text)) == 1  # the full stop inside the quotation ends nothing
    closing_after_a_word = "قالت إنها مصدومة تماما”. وعبرت عن أسفها قائلة “إنها مأساة”."
    assert [(closing_after_a_word[a], closing_after_a_word[b]) for a, b in quotations(closing_after_a_word)] \
        == [("“", "”")]  # ” right after a word closes; it opens nothing


def test_a_straight_quote_written_as_a_closing_mark_with_nothing_open_opens_nothing():
    # a real page (SaudiNewsNet) closes two quotes whose opening marks were lost; paired in order
    # they made one quotation of the three sentences between them
    text = ('من خلال إيجاد معارض وبرامج داعمة لهم"، موضحة أنها استوحت الفكرة. '
            'وأضافت الزامل أن المعرض يواصل فعالياته. وأكدت أن من المعروضات العطور والشكولاتة"، '
            'ومن المنتجات اليدوية "السعف والخوص".')
    assert [text[a:b + 1] for a, b in quotations(text)] == ['"السعف والخوص"']
    parts = [text[s:e] for s, e in sentences(text)]
    assert parts[1:] == ["وأضافت الزامل أن المعرض يواصل فعالياته.",
                         'وأكدت أن من المعروضات العطور والشكولاتة"، ومن المنتجات اليدوية "السعف والخوص".']
    assert quotations('قال: "انتهى الأمر." وغادر') == [(5, 18)]  # a quote closed after its stop still pairs
