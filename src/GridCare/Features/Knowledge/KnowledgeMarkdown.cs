using Markdig;

namespace GridCare.Features.Knowledge;

/// <summary>
/// Article bodies rendered to HTML with Markdig (tables, lists, emphasis). Raw HTML in the Markdown is escaped,
/// not passed through: editors write Markdown, and the portal shows the result to anyone.
/// </summary>
public static class KnowledgeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    public static string ToHtml(string? markdown) => Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
}
