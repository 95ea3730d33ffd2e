using GridCare.Cli;
using GridCare.Features.Attachments;
using GridCare.Features.Campaigns;
using GridCare.Features.Classification;
using GridCare.Features.ComplaintAnalytics;
using GridCare.Features.ComplaintRisk;
using GridCare.Features.CustomerProfile;
using GridCare.Features.Customers;
using GridCare.Features.Demo;
using GridCare.Features.Imports;
using GridCare.Features.Intake;
using GridCare.Features.Ivr;
using GridCare.Features.Knowledge;
using GridCare.Features.ManagerDashboard;
using GridCare.Features.MeterAnalytics;
using GridCare.Features.MeterData;
using GridCare.Features.Network;
using GridCare.Features.Notifications;
using GridCare.Features.Organization;
using GridCare.Features.Outages;
using GridCare.Features.Overview;
using GridCare.Features.Portal;
using GridCare.Features.ProactiveContacts;
using GridCare.Features.Reliability;
using GridCare.Features.RepairGuidance;
using GridCare.Features.Revisits;
using GridCare.Features.RoutingRules;
using GridCare.Features.Satisfaction;
using GridCare.Features.Segmentation;
using GridCare.Features.Sla;
using GridCare.Features.Surveys;
using GridCare.Features.TariffAdvice;
using GridCare.Features.Warnings;
using GridCare.Features.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Console;

var isCommand = GridCareCommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : GridCareCommandLine.ServeArgs(args));
builder.AddPlatform();
builder.Services
    .AddOrganization()
    .AddNetwork()
    .AddCustomers()
    .AddOverview()
    .AddSla()
    .AddWorkOrders()
    .AddRoutingRules()
    .AddRevisits()
    .AddOutages()
    .AddMeterData()
    .AddReliability()
    .AddMeterAnalytics()
    .AddAttachments()
    .AddIntake()
    .AddPortal()
    .AddNotifications()
    .AddClassification()
    .AddComplaintAnalytics()
    .AddWarnings()
    .AddDemo()
    .AddKnowledge()
    .AddComplaintRisk()
    .AddCustomerProfile()
    .AddSegmentation()
    .AddTariffAdvice()
    .AddProactiveContacts()
    .AddIvr()
    .AddRepairGuidance()
    .AddSatisfaction()
    .AddManagerDashboard()
    .AddCampaigns()
    .AddSurveys();

var app = builder.Build();
if (isCommand)
{
    return await GridCareCommandLine.RunAsync(app.Services, args);
}

app.UsePlatform();
app.MapCustomers();
app.MapNetwork();
app.MapImports();
app.MapIntake();
app.MapWorkOrders();
app.MapRoutingRules();
app.MapRevisits();
app.MapOutages();
app.MapMeterData();
app.MapReliability();
app.MapMeterAnalytics();
app.MapAttachments();
app.MapSla();
app.MapPortal();
app.MapNotifications();
app.MapClassification();
app.MapComplaintAnalytics();
app.MapWarnings();
app.MapKnowledge();
app.MapComplaintRisk();
app.MapCustomerProfile();
app.MapSegmentation();
app.MapTariffAdvice();
app.MapProactiveContacts();
app.MapIvr();
app.MapRepairGuidance();
app.MapSatisfaction();
app.MapManagerDashboard();
app.MapCampaigns();
app.MapSurveys();
app.MapConsole();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
