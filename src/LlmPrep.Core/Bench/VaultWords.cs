namespace LlmPrep.Core.Bench;

/// <summary>The vocabulary of generated notes: the subject matter of the corpus, plus the small words around it.</summary>
internal static class VaultWords
{
    public static readonly string[] Terms =
    [
        "attention", "transformer", "tokenizer", "embedding", "retrieval", "reranking", "chunking", "context window", "kv cache",
        "quantization", "distillation", "fine-tuning", "lora", "adapter", "reward model", "preference data", "dpo", "rlhf",
        "prompt", "system prompt", "few-shot example", "chain of thought", "tool call", "function schema", "agent loop",
        "planner", "memory store", "vector index", "hnsw graph", "inverted index", "bm25 score", "hybrid search",
        "reciprocal rank fusion", "cross-encoder", "bi-encoder", "late interaction", "colbert", "query rewriting",
        "hypothetical document", "evaluation set", "golden answer", "faithfulness", "hallucination", "grounding", "citation",
        "guardrail", "prompt injection", "red team", "jailbreak", "latency budget", "throughput", "batch size",
        "continuous batching", "paged attention", "speculative decoding", "draft model", "beam search", "temperature",
        "top-p sampling", "logit bias", "structured output", "json schema", "grammar", "constrained decoding", "streaming",
        "rate limit", "retry policy", "backoff", "semantic cache", "prompt cache", "cost model", "router", "observability",
        "trace", "span", "dashboard", "regression test", "canary", "rollout", "feature flag", "mixture of experts",
        "expert router", "gating network", "positional encoding", "rope", "layer norm", "residual stream", "optimizer",
        "learning rate", "warmup", "gradient", "loss curve", "validation split", "overfitting", "data curation",
        "synthetic data", "deduplication", "filtering pass", "annotation guide", "judge model", "rubric", "pairwise comparison",
        "position bias", "verbosity bias", "agreement rate", "confidence interval", "bootstrap", "sample size", "asyncio",
        "event loop", "semaphore", "pydantic model", "fastapi route", "dependency injection", "connection pool", "queue",
        "worker", "autoscaler", "gpu memory", "vram", "tensor parallelism", "pipeline parallelism", "checkpoint",
        "safetensors", "gguf file", "vllm server", "tgi server", "openai-compatible api", "mcp server", "resource template",
        "sampling request", "transport", "stdio", "session", "document parser", "ocr", "table extraction", "vision encoder",
        "long context", "needle test", "sliding window", "summary tree", "knowledge graph", "entity linking", "graphrag",
    ];

    public static readonly string[] Verbs =
    [
        "improves", "reduces", "limits", "explains", "controls", "bounds", "shapes", "replaces", "complements", "feeds",
        "scores", "ranks", "filters", "caches", "streams", "splits", "merges", "measures", "tracks", "hides", "exposes",
        "depends on", "trades off against", "is tuned with", "is measured by", "is cheaper than", "fails without",
    ];

    public static readonly string[] Fillers =
    [
        "the", "a", "each", "every", "this", "that", "our", "the first", "the second", "most", "some", "one",
        "in practice", "under load", "at scale", "for small teams", "in production", "during training", "at inference",
        "when the budget is tight", "on a single gpu", "across replicas", "per request", "per token", "in the worst case",
    ];

    public static readonly string[] Openers =
    [
        "In short,", "In an interview,", "As a rule,", "For example,", "In practice,", "Note that", "Remember that", "Crucially,",
        "A common mistake is that", "The trade-off is that", "At scale,", "Measured carefully,", "Put simply,",
    ];

    public static readonly string[] HeadingWords =
    [
        "Intuition", "Mechanism", "Worked example", "Trade-offs", "Pitfalls", "What interviewers ask", "Numbers to remember",
        "Failure modes", "Design choices", "Related ideas", "Implementation notes", "Evaluation", "Checklist", "Open questions",
        "History", "When not to use it", "Debugging", "Cost", "Latency", "Summary",
    ];

    public static readonly string[] Tags =
    [
        "retrieval", "serving", "training", "evaluation", "agents", "prompting", "safety", "python", "system-design", "math",
        "inference", "data", "rag", "fine-tuning", "infra", "interview", "reading", "todo", "reference", "project",
    ];

    public static readonly string[] CodeLines =
    [
        "scores = [bm25(query, doc) for doc in docs]", "ranked = sorted(scores, key=lambda s: -s[1])[:k]",
        "async with semaphore:", "    result = await client.complete(prompt, max_tokens=256)", "cache[key] = embedding",
        "fused[doc] = fused.get(doc, 0.0) + 1.0 / (60 + rank)", "for batch in chunks(items, size=32):",
        "    vectors = model.encode(batch, normalize=True)", "index.add(vectors)", "hits = index.search(query_vector, top_k=10)",
        "loss = -torch.log(torch.sigmoid(beta * margin)).mean()", "if tokens > budget:", "    context = context[-budget:]",
        "return {\"answer\": answer, \"sources\": sources}", "retry = Retry(total=5, backoff_factor=0.5)", "logger.info(\"latency %s ms\", ms)",
    ];
}
