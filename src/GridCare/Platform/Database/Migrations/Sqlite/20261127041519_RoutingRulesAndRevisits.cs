using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoutingRulesAndRevisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RevisitTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkOrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ComplaintClass = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LinkTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LinkExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LinkUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FollowUpOrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitTasks_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRuleChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRuleChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ComplaintClass = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutingRules_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RevisitInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisitTaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitInvitations_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitInvitations_RevisitTaskId",
                table: "RevisitInvitations",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_AnsweredOn_OrgUnitId",
                table: "RevisitTasks",
                columns: new[] { "AnsweredOn", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_LinkTokenHash",
                table: "RevisitTasks",
                column: "LinkTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Status_DueAt",
                table: "RevisitTasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_WorkOrderId_Status",
                table: "RevisitTasks",
                columns: new[] { "WorkOrderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRuleChanges_OrgUnitId_At",
                table: "RoutingRuleChanges",
                columns: new[] { "OrgUnitId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRuleChanges_RuleId",
                table: "RoutingRuleChanges",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_OrgUnitId_Type",
                table: "RoutingRules",
                columns: new[] { "OrgUnitId", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevisitInvitations");

            migrationBuilder.DropTable(
                name: "RoutingRuleChanges");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "RevisitTasks");
        }
    }
}
