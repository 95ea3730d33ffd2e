using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InterruptionRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InterruptionRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutageId = table.Column<long>(type: "INTEGER", nullable: true),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeederId = table.Column<long>(type: "INTEGER", nullable: true),
                    InterruptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RestoredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Planned = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupplyShortage = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterruptionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterruptionRecords_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterruptionRecords_NetworkDevices_FeederId",
                        column: x => x.FeederId,
                        principalTable: "NetworkDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterruptionRecords_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InterruptionRecords_CustomerId",
                table: "InterruptionRecords",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_InterruptionRecords_FeederId_InterruptedAt",
                table: "InterruptionRecords",
                columns: new[] { "FeederId", "InterruptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InterruptionRecords_InterruptedAt",
                table: "InterruptionRecords",
                column: "InterruptedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InterruptionRecords_OrgUnitId_InterruptedAt",
                table: "InterruptionRecords",
                columns: new[] { "OrgUnitId", "InterruptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InterruptionRecords_OutageId_RestoredAt",
                table: "InterruptionRecords",
                columns: new[] { "OutageId", "RestoredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterruptionRecords");
        }
    }
}
