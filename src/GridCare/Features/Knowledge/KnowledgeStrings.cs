namespace GridCare.Features.Knowledge;

/// <summary>Marker for the knowledge pages' resource files: <c>KnowledgeStrings.resx</c> and <c>KnowledgeStrings.zh-CN.resx</c>.</summary>
public sealed class KnowledgeStrings;
