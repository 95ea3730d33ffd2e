using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutageId = table.Column<long>(type: "bigint", nullable: true),
                    EventKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    FeederId = table.Column<long>(type: "bigint", nullable: true),
                    InterruptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RestoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Planned = table.Column<bool>(type: "boolean", nullable: false),
                    SupplyShortage = table.Column<bool>(type: "boolean", nullable: false)
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
