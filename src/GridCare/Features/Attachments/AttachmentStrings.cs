namespace GridCare.Features.Attachments;

/// <summary>Marker for the attachment fields' resource files: <c>AttachmentStrings.resx</c> and <c>AttachmentStrings.zh-CN.resx</c>.</summary>
public sealed class AttachmentStrings;
