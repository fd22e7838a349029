using LlmPrep.Core.Progress;

namespace LlmPrep.Server.Hosting;

/// <summary>One person on their own machine (stdio, the CLI): every request is theirs.</summary>
public sealed class LocalProgressUser : IProgressUser
{
    public string UserId => ProgressStore.DefaultUserId;
}
