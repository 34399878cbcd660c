"""BM25 tokens: the field's vocabulary added to jieba without cutting common words apart."""

from ingest.tokenize import tokenize


def test_a_vocabulary_word_jieba_knows_stays_one_word():
    for word in ("得分", "等级", "人数", "到位"):
        assert tokenize(word) == [word]
    assert "得分" in tokenize("综合得分多少？")
