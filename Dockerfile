# LlmPrep over Streamable HTTP, for a study group or a remote client (ChatGPT, claude.ai).
#
#   docker build -t llmprep .
#   docker volume create llmprep-data
#   docker run --rm -v llmprep-data:/data llmprep token add alice      # prints alice's token once
#   docker run -d -p 8080:8080 -v llmprep-data:/data llmprep             # MCP at http://HOST:8080/mcp
#
# The server listens on every interface inside the container, which it allows only with bearer-token
# authentication: it refuses to start until the tokens file in /data holds at least one token.

# Build: a Native AOT binary for the image's architecture. The image runs one long-lived server that listens on the
# network, so it keeps the runtime's defaults of a position-independent executable (loaded at a random address) that
# unpacks its type data at start: the stdio build's faster start (see LlmPrep.Server.csproj) would buy nothing here.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props LlmPrep.sln README.md ./
COPY config/ config/
COPY corpus/ corpus/
COPY src/ src/
RUN rid="linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64)" \
 && dotnet publish src/LlmPrep.Server -c Release -r "$rid" -p:PublishAot=true \
      -p:PositionIndependentExecutable=true -p:IlcDehydrate=true -o /app \
 && rm -f /app/*.dbg /app/*.pdb

# Run: no shell, no package manager, a non-root user.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS final
LABEL io.modelcontextprotocol.server.name="io.github.llmprep/llmprep"
LABEL org.opencontainers.image.title="LlmPrep" \
      org.opencontainers.image.description="MCP server for LLM / GenAI-engineer interview preparation" \
      org.opencontainers.image.source="https://github.com/llmprep/llmprep" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
COPY --from=build /app/ ./
ENV LLMPREP_DATA_DIR=/data \
    LLMPREP_TOKENS_FILE=/data/tokens.json
VOLUME ["/data"]
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD ["/app/llmprep", "health", "--url", "http://127.0.0.1:8080/health"]
ENTRYPOINT ["/app/llmprep"]
CMD ["serve", "--http", "--urls", "http://0.0.0.0:8080"]
