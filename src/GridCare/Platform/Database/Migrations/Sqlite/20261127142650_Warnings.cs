using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Warnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProactiveOrderSettings",
                columns: table => new
                {
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProactiveOrderSettings", x => x.OrgUnitId);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TransformerCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysSeen = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_OrgUnitId_Status_LastSeenOn",
                table: "Warnings",
                columns: new[] { "OrgUnitId", "Status", "LastSeenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_SubjectCode_Rule",
                table: "Warnings",
                columns: new[] { "SubjectCode", "Rule" },
                unique: true,
                filter: "\"Status\" <> 'Cleared'");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_TransformerCode_LastSeenOn",
                table: "Warnings",
                columns: new[] { "TransformerCode", "LastSeenOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProactiveOrderSettings");

            migrationBuilder.DropTable(
                name: "Warnings");
        }
    }
}
