namespace LlmPrep.Core.Bench;

/// <summary>The queries <c>llmprep bench</c> times: the kinds a person studying the corpus types (words, phrases, prefixes, exclusions).</summary>
public static class BenchQueries
{
    public static IReadOnlyList<string> All { get; } =
    [
        "reciprocal rank fusion", "kv cache memory", "lora rank alpha", "hnsw", "\"chain of thought\"", "prompt injection defence",
        "speculative decoding", "bm25 k1", "ragas faithfulness", "embed*", "agent -memory", "positional encoding rope",
        "quantization int4 gguf", "llm as a judge bias", "continuous batching", "what is the model context protocol",
        "dpo loss", "semantic cache threshold", "cross-encoder reranking latency", "asyncio gather semaphore",
    ];
}
