using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InterruptionRecordDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DurationSeconds",
                table: "InterruptionRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InterruptedOn",
                table: "InterruptionRecords",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_InterruptionRecords_InterruptedOn_OrgUnitId_DurationSeconds",
                table: "InterruptionRecords",
                columns: new[] { "InterruptedOn", "OrgUnitId", "DurationSeconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InterruptionRecords_InterruptedOn_OrgUnitId_DurationSeconds",
                table: "InterruptionRecords");

            migrationBuilder.DropColumn(
                name: "DurationSeconds",
                table: "InterruptionRecords");

            migrationBuilder.DropColumn(
                name: "InterruptedOn",
                table: "InterruptionRecords");
        }
    }
}
