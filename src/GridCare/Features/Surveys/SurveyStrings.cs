namespace GridCare.Features.Surveys;

/// <summary>Marker for the survey page's resource files: <c>SurveyStrings.resx</c> and <c>SurveyStrings.zh-CN.resx</c>.</summary>
public sealed class SurveyStrings;
