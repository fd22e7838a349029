namespace LlmPrep.Core.Index;

/// <summary>One token of a text as the index's tokenizer sees it: where it lies (chars) and the term it is indexed under.</summary>
internal readonly record struct FtsToken(int Start, int End, string Term);
