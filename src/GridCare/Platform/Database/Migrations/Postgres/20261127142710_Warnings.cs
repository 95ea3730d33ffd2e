using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Postgres
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
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProactiveOrderSettings", x => x.OrgUnitId);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TransformerCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: true),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    FirstSeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastSeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysSeen = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
