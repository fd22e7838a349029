namespace LlmPrep.Core.Access;

/// <summary>A stored access token: never the token itself, only its SHA-256 hash.</summary>
/// <param name="Id">A short public id, to list and revoke the token by.</param>
/// <param name="UserId">Whose token it is; it is also the user id their study progress is kept under.</param>
/// <param name="Created">When it was made.</param>
/// <param name="Hash">SHA-256 of the token, lower-case hex.</param>
public sealed record AccessToken(string Id, string UserId, DateTimeOffset Created, string Hash);
