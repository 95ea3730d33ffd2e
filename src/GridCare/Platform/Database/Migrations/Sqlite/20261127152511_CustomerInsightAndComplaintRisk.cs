using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerInsightAndComplaintRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplaintRiskScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    TransformerId = table.Column<long>(type: "INTEGER", nullable: false),
                    TransformerCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ScoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintRiskScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintRiskScores_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ComplaintRiskScores_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerSegments",
                columns: table => new
                {
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Cluster = table.Column<int>(type: "INTEGER", nullable: false),
                    Shape = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClusterSize = table.Column<int>(type: "INTEGER", nullable: false),
                    K = table.Column<int>(type: "INTEGER", nullable: false),
                    Silhouette = table.Column<double>(type: "REAL", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSegments", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "TariffTables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FlatPrice = table.Column<double>(type: "REAL", nullable: false),
                    BlockPeriod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Blocks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Periods = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TariffTables", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "TariffTables",
                columns: new[] { "Id", "BlockPeriod", "Blocks", "Categories", "Code", "FlatPrice", "Kind", "Name", "Note", "Periods", "UpdatedAt", "UpdatedBy" },
                values: new object[,]
                {
                    { 1, "Annual", "3000=0.4556; 4700=0.5056; *=0.7556", "residential", "RES-TIERED", 0.0, "Tiered", "居民阶梯电价（年度，示例）", "Example after Guizhou 居民阶梯 (黔发改价格〔2016〕1299号 as cited by a secondary source; thresholds uncertain).", "", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), "system" },
                    { 2, "Annual", "", "residential", "RES-TOU", 0.0, "TimeOfUse", "居民峰谷电价（示例）", "Example after Zhejiang's residential time-of-use tier-1 prices; Guizhou has no residential TOU.", "peak 08:00-22:00=0.568; valley 22:00-08:00=0.288", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), "system" },
                    { 3, "Monthly", "", "commercial,industrial,agricultural", "COM-SINGLE", 0.56200000000000006, "Flat", "工商业单一电价（示例）", "Example: the flat-period price of Guizhou's illustrative 代理购电 month (December 2025).", "", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), "system" },
                    { 4, "Monthly", "", "commercial,industrial", "COM-TOU", 0.0, "TimeOfUse", "工商业峰谷分时电价（示例）", "Example: Guizhou periods (黔发改价格〔2023〕481号, peak ×1.6, valley ×0.4) on the illustrative December 2025 flat price.", "valley 00:00-08:00=0.240; flat 08:00-10:00=0.562; peak 10:00-13:00=0.884; flat 13:00-17:00=0.562; peak 17:00-22:00=0.884; flat 22:00-24:00=0.562", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), "system" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRiskScores_CustomerId",
                table: "ComplaintRiskScores",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRiskScores_Level_Rank",
                table: "ComplaintRiskScores",
                columns: new[] { "Level", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRiskScores_OrgUnitId",
                table: "ComplaintRiskScores",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TariffTables_Code",
                table: "TariffTables",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintRiskScores");

            migrationBuilder.DropTable(
                name: "CustomerSegments");

            migrationBuilder.DropTable(
                name: "TariffTables");
        }
    }
}
