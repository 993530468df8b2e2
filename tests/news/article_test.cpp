// The news-article importer: sentences, particles, names, amounts, cleaning, golden
// extractions from the labelled corpus (tests/news/corpus), its quality floor, and the CLI.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/text.h"
#include "data/embedded.h"
#include "importers/article_internal.h"
#include "importers/importers.h"
#include "tests/test_util.h"

namespace relgraph::importers {
namespace {

using article::Lang;
using testing::RunRelgraph;
using testing::TempDir;

std::vector<std::string> Sentences(const std::string& text, Lang lang) {
  std::vector<std::string> out;
  for (const article::SentenceSpan& span : article::SplitSentences(text, lang)) out.push_back(text.substr(span.begin, span.end - span.begin));
  return out;
}

TEST(ArticleSentences, KeepsDatesNumbersAndQuotationsTogether) {
  EXPECT_EQ(Sentences("회의는 2023.06.01 열렸다. GPT-3.5 모델은 1.5배 빠르다.", Lang::kKorean),
            (std::vector<std::string>{"회의는 2023.06.01 열렸다.", "GPT-3.5 모델은 1.5배 빠르다."}));
  EXPECT_EQ(Sentences("발표는 2023. 6. 1. 있었다. 다음 문장이다.", Lang::kKorean),
            (std::vector<std::string>{"발표는 2023. 6. 1. 있었다.", "다음 문장이다."}));
  EXPECT_EQ(Sentences("그는 “시장이 커졌다. 더 투자하겠다”고 말했다. 주가는 올랐다.", Lang::kKorean),
            (std::vector<std::string>{"그는 “시장이 커졌다. 더 투자하겠다”고 말했다.", "주가는 올랐다."}));
  EXPECT_EQ(Sentences("Acme Inc. bought Beta Corp. on Monday. Shares rose.", Lang::kEnglish),
            (std::vector<std::string>{"Acme Inc. bought Beta Corp. on Monday.", "Shares rose."}));
  EXPECT_EQ(Sentences("百度发布了新模型。阿里巴巴随后跟进。", Lang::kChinese), (std::vector<std::string>{"百度发布了新模型。", "阿里巴巴随后跟进。"}));
  // A straight quote opens the next sentence unless the one before left a quote open.
  EXPECT_EQ(Sentences("He spoke. \"We need AI,\" Harris said.", Lang::kEnglish), (std::vector<std::string>{"He spoke.", "\"We need AI,\" Harris said."}));
  EXPECT_EQ(Sentences("He said \"We won. Again.\" Then he left.", Lang::kEnglish),
            (std::vector<std::string>{"He said \"We won. Again.\"", "Then he left."}));
}

TEST(ArticleParticles, GivesRolesToKoreanParticleChains) {
  article::Role role;
  std::string particles;
  ASSERT_TRUE(article::ParseParticles("로부터", &role, &particles));
  EXPECT_EQ(role, article::Role::kFrom);
  ASSERT_TRUE(article::ParseParticles("와", &role, &particles));
  EXPECT_EQ(role, article::Role::kWith);
  ASSERT_TRUE(article::ParseParticles("사는", &role, &particles));  // 오픈AI사는
  EXPECT_EQ(role, article::Role::kSubject);
  EXPECT_FALSE(article::ParseParticles("버스", &role, &particles));  // 메타버스 is not 메타 + particles
}

TEST(ArticleGazetteer, MatchesNamesWithParticlesAtWordBoundaries) {
  Graph empty(DefaultSchema());
  article::Catalog catalog(empty, data::LexiconCsv());
  std::string text = "네이버와 서울대가 오픈AI의 모델과 MS로부터 받은 MSCOCO 데이터를 메타버스에서 썼다.";
  std::vector<std::string> found;
  for (const article::Mention& mention : catalog.FindMentions(text, Lang::kKorean)) {
    found.push_back(catalog.at(mention.entity).entity.id + "/" + mention.particles);
  }
  EXPECT_EQ(found, (std::vector<std::string>{"naver/와", "snu/가", "openai/의", "microsoft/로부터"}));
}

TEST(ArticleCatalog, SharesTheLexiconAndLetsStoreEntitiesStandForItsEntries) {
  Graph store(DefaultSchema());
  Entity naver;
  naver.id = "naver_in_store";
  naver.name = "Naver";
  naver.kind = "company";
  store.AddEntity(naver);
  article::Catalog catalog(store, data::LexiconCsv());
  // The lexicon's Korean name of Naver finds the store's entity, by key and in text.
  int found = catalog.FindByName("네이버");
  ASSERT_GE(found, 0);
  EXPECT_EQ(catalog.at(found).entity.id, "naver_in_store");
  std::vector<article::Mention> mentions = catalog.FindMentions("네이버와 카카오가 협력한다.", Lang::kKorean);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(catalog.at(mentions[0].entity).entity.id, "naver_in_store");
  EXPECT_EQ(catalog.at(mentions[1].entity).entity.id, "kakao");
  // An alias taught to a lexicon entity stays with this catalog: the shared lexicon is unchanged.
  catalog.AddAlias(mentions[1].entity, "카카오테스트법인");
  EXPECT_EQ(catalog.at(catalog.FindByName("카카오테스트법인")).entity.id, "kakao");
  EXPECT_EQ(catalog.FindMentions("카카오테스트법인은", Lang::kKorean).size(), 1u);
  Graph empty(DefaultSchema());
  article::Catalog fresh(empty, data::LexiconCsv());
  EXPECT_EQ(fresh.FindByName("카카오테스트법인"), -1);
  EXPECT_EQ(fresh.at(fresh.FindByName("네이버")).entity.id, "naver");
  // The lexicon is parsed once per process: a catalog costs little (the fuzzer makes one per input).
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 200; ++i) article::Catalog another(empty, data::LexiconCsv());
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST(ArticleAmounts, ReadsKoreanChineseAndEnglishAmounts) {
  auto one = [](const std::string& text, Lang lang) {
    std::vector<article::Amount> amounts = article::FindAmounts(text, lang);
    return amounts.empty() ? std::string("none") : amounts[0].text + "=" + std::to_string(static_cast<long long>(amounts[0].value)) + " " + amounts[0].currency;
  };
  EXPECT_EQ(one("약 130억달러를 투자받아", Lang::kKorean), "130억달러=13000000000 USD");
  EXPECT_EQ(one("개인 돈 5천만달러를", Lang::kKorean), "5천만달러=50000000 USD");
  EXPECT_EQ(one("예산 445억원을", Lang::kKorean), "445억원=44500000000 KRW");
  EXPECT_EQ(one("1조7500억 원 규모", Lang::kKorean), "1조7500억 원=1750000000000 KRW");
  EXPECT_EQ(one("invest up to $4 billion in", Lang::kEnglish), "$4 billion=4000000000 USD");
  EXPECT_EQ(one("超过10亿美元的融资", Lang::kChinese), "10亿美元=1000000000 USD");
  EXPECT_EQ(one("서울대 원장은 300명을", Lang::kKorean), "none");
}

TEST(ArticleAmounts, TellsSumsFromNames) {
  const article::RuleSet& rules = article::DefaultRuleSet();
  for (const char* sum : {"300억원", "1,500만 달러", "2.5 billion", "20억", "7"}) EXPECT_TRUE(rules.IsAmount(sum)) << sum;
  for (const char* name : {"300억원 펀드", "억원", "360 Security", "3M", ""}) EXPECT_FALSE(rules.IsAmount(name)) << name;
  EXPECT_TRUE(rules.IsAmountWords("Billion Won"));
  EXPECT_FALSE(rules.IsAmountWords("Won Capital"));
  EXPECT_FALSE(rules.IsAmountWords(""));
}

TEST(ArticleDates, ResolvesAbsoluteAndRelativeDates) {
  auto first = [](const std::string& text, Lang lang, const std::string& document_date) {
    std::vector<article::StatedDate> dates = article::FindDates(text, lang, document_date);
    return dates.empty() ? std::string("none") : dates[0].date;
  };
  EXPECT_EQ(first("2019년 3월 영리기업으로", Lang::kKorean, ""), "2019-03");
  EXPECT_EQ(first("2023년 4월6일 메이퇀", Lang::kKorean, ""), "2023-04-06");
  EXPECT_EQ(first("지난해 10월 도입한", Lang::kKorean, "2021-06-10"), "2020-10");
  EXPECT_EQ(first("지난 27일 구성", Lang::kKorean, "2021-06-29"), "2021-06-27");
  EXPECT_EQ(first("올해부터 2025년까지 지원", Lang::kKorean, ""), "none");
  EXPECT_EQ(first("3月16日，百度", Lang::kChinese, "2023-03-16"), "2023-03-16");
  EXPECT_EQ(first("completed on March 4, 2022.", Lang::kEnglish, ""), "2022-03-04");
}

TEST(ArticleCleaning, KeepsTheBodyAndDropsBoilerplate) {
  std::string scrape =
      "ADVERTISEMENT\n"
      "네이버, 새 AI 공개\n"
      "입력 2024.05.02 10:00\n"
      "공유\n"
      "[테크뉴스=홍길동 기자] 네이버가 새 모델을 공개했다.\n"
      "발표 현장 모습. 사진 네이버 제공\n"
      "발표 현장 모습. 사진 네이버 제공\n"
      "회사는 연내 서비스를 시작한다.\n"
      "홍길동 기자 hong@example.com\n"
      "<저작권자 © 테크뉴스 무단전재 및 재배포금지>\n"
      "많이 본 뉴스에 나온 다른 기사 문장이다.\n";
  article::CleanText clean = article::CleanArticle(scrape, "txt");
  EXPECT_EQ(clean.text, "네이버가 새 모델을 공개했다.\n회사는 연내 서비스를 시작한다.");
  EXPECT_EQ(clean.title, "네이버, 새 AI 공개");
  EXPECT_EQ(clean.date, "2024-05-02");
  // Every byte of the body points back into the source.
  EXPECT_EQ(scrape.substr(clean.origin[0], 9), "네이버");

  article::CleanText html = article::CleanArticle(
      "<html><head><title>T</title><script>var x='광고';</script></head><body><nav>메뉴</nav>"
      "<p>삼성전자는 새 칩을 &quot;공개&quot;했다.</p><figure><figcaption>사진 설명이다.</figcaption></figure></body></html>",
      "html");
  EXPECT_EQ(html.text, "삼성전자는 새 칩을 \"공개\"했다.");
}

TEST(ArticleCleaning, PhotoCreditsAreNoText) {
  // A line that is only a credit goes; a caption keeps what stands before its credit.
  article::CleanText clean = article::CleanArticle(
      "Chipmaker news\n"
      "Nova Chips agreed to buy Quillo Labs on Monday.\n"
      "Photo by Jane Roe for the Daily Planet\n"
      "(사진 제공=누리일보)\n"
      "（图片来源：新星科技）\n"
      "Nova Chips CEO Ann Lee at the launch. Photographer: Jane Roe/Getty Images\n"
      "The deal is expected to close in the autumn.\n",
      "txt");
  EXPECT_EQ(clean.text,
            "Nova Chips agreed to buy Quillo Labs on Monday.\nNova Chips CEO Ann Lee at the launch.\n"
            "The deal is expected to close in the autumn.");
}

TEST(ArticleCleaning, CaptionsWrittenAsSentencesAreBody) {
  // A "▲" caption that states what happened is text; a short "▲" line is a marker.
  article::CleanText clean = article::CleanArticle(
      "누리전자, 새 칩 공개\n"
      "누리전자가 새 칩을 공개했다.\n"
      "▲ 관련기사\n"
      "▲ 김하늘 누리전자 대표(왼쪽)와 박서준 한빛소프트 대표가 1일 서울 본사에서 업무협약을 체결한 뒤 기념촬영을 하고 있다.\n"
      "회사는 연내 양산을 시작한다.\n",
      "txt");
  EXPECT_EQ(clean.text,
            "누리전자가 새 칩을 공개했다.\n▲ 김하늘 누리전자 대표(왼쪽)와 박서준 한빛소프트 대표가 1일 서울 본사에서 업무협약을 체결한 뒤 기념촬영을 하고 있다.\n"
            "회사는 연내 양산을 시작한다.");
}

// ---- Golden extractions and the corpus --------------------------------------------------

struct Fact {
  std::string source, relation, target;
  auto operator<=>(const Fact&) const = default;
};

Fact Normalised(Fact fact) {
  if ((fact.relation == "partners_with" || fact.relation == "competes_with") && fact.target < fact.source) std::swap(fact.source, fact.target);
  return fact;
}

std::string CorpusDir() { return std::string(RELGRAPH_SOURCE_DIR) + "/tests/news/corpus"; }

ImportBatch ParseCorpusFile(const std::string& name) {
  SourceFile file = ReadSourceFile(CorpusDir() + "/" + name);
  return ParseArticle(file, DefaultSchema());
}

const RelationRecord* FindRelation(const ImportBatch& batch, const std::string& source, const std::string& type, const std::string& target) {
  for (const RelationRecord& record : batch.relations) {
    if (record.relation.source == source && record.relation.type == type && record.relation.target == target) return &record;
  }
  return nullptr;
}

// The code points [begin, end) of text.
std::string CodePoints(const std::string& text, size_t begin, size_t end) {
  std::string out;
  size_t index = 0;
  for (size_t i = 0; i < text.size(); ++index) {
    size_t length = 1;
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    if (index >= begin && index < end) out += text.substr(i, length);
    i += length;
  }
  return out;
}

TEST(ArticleGolden, KoreanInvestmentWithAmountDateAndLocator) {
  ImportBatch batch = ParseCorpusFile("ko_skt_anthropic.txt");
  const RelationRecord* record = FindRelation(batch, "sk_telecom", "invests_in", "anthropic");
  ASSERT_NE(record, nullptr);
  EXPECT_EQ(record->relation.properties.at("amount"), "\"1억달러\"");
  EXPECT_EQ(record->relation.properties.at("amount_value"), "100000000");
  EXPECT_EQ(record->relation.properties.at("currency"), "\"USD\"");
  const Evidence& evidence = record->relation.evidence.at(0);
  EXPECT_EQ(evidence.sentence, "SK텔레콤이 미국 AI 스타트업 앤트로픽에 1억달러(약 1300억원)를 투자한다고 14일 밝혔다.");
  EXPECT_EQ(evidence.extractor, "article:ko_invest");
  EXPECT_EQ(evidence.date, "2023-08-14");
  EXPECT_GE(evidence.confidence, 0.8);
  // The locator's code point offsets cut the sentence out of the file.
  size_t begin = 0, end = 0;
  ASSERT_EQ(std::sscanf(evidence.locator.c_str(), "chars %zu-%zu", &begin, &end), 2) << evidence.locator;
  EXPECT_EQ(CodePoints(testing::ReadFile(CorpusDir() + "/ko_skt_anthropic.txt"), begin, end), evidence.sentence);
  EXPECT_EQ(batch.documents.at(0).title, "SKT, 앤트로픽에 1억달러 투자…\"글로벌 AI 동맹 강화\"");
  // Nothing from the caption, the byline or the list after the copyright line.
  for (const RelationRecord& other : batch.relations) EXPECT_EQ(other.relation.evidence[0].sentence.find("사진"), std::string::npos);
}

TEST(ArticleGolden, RulesThatMustKeepFiring) {
  struct Case {
    const char* file;
    Fact fact;
    const char* extractor;
  };
  const Case cases[] = {
      {"ko_samsung_naver.txt", {"naver", "partners_with", "samsung_electronics"}, "article:ko_partner"},      // 삼성전자와 네이버가 ... 손을 잡았다
      {"ko_samsung_naver.txt", {"naver_cloud", "part_of", "naver"}, "article:ko_part"},                      // 네이버의 ... 자회사다
      {"ko_samsung_naver.txt", {"한지훈", "works_at", "samsung_electronics"}, "article:title_person_org"},   // discovered person
      {"ko_rebellions.txt", {"kt", "invests_in", "rebellions"}, "article:ko_invest_passive"},                 // KT로부터 ... 투자받았으며
      {"ko_rebellions.txt", {"rebellions", "develops", "atom_chip"}, "article:ko_develop"},                  // '아톰' = 리벨리온 아톰
      {"ko_lg_exaone.md", {"lg", "founded", "lg_ai_research"}, "article:ko_found"},                         // LG그룹이 설립한 ... 싱크탱크다
      {"ko_lg_exaone.md", {"bae_kyung_hoon", "works_at", "lg_ai_research"}, "article:title_head"},            // 배경훈 LG AI연구원장은
      {"ko_ms_g42.html", {"brad_smith", "works_at", "g42"}, "article:ko_join"},                             // 스미스 ... 부회장은 G42 이사회에 합류
      {"zh_alibaba_moonshot.txt", {"alibaba", "invests_in", "moonshot_ai"}, "article:zh_invest_lead"},       // 阿里巴巴领投
      {"zh_alibaba_moonshot.txt", {"yang_zhilin", "founded", "moonshot_ai"}, "article:title_of_topic"},      // 创始人杨植麟
      {"zh_deepseek.txt", {"high_flyer", "founded", "deepseek"}, "article:zh_found"},                       // 由量化基金幻方量化于2023年创立
      {"zh_shanghai_lab.html", {"cuhk", "develops", "internlm"}, "article:zh_develop"},                         // 该模型由...共同研发 (香港中文大学 is in the lexicon)
      {"en_amazon_anthropic.txt", {"dario_amodei", "founded", "anthropic"}, "article:en_found_passive"},     // founded by former OpenAI researchers including
      {"en_microsoft_nuance.html", {"microsoft", "acquires", "github"}, "article:en_acquire"},               // acquired LinkedIn in 2016 and GitHub in 2018
      {"en_microsoft_mistral.md", {"arthur_mensch", "works_at", "mistral_ai"}, "article:title_of_org"},      // Arthur Mensch, chief executive of Mistral AI
  };
  for (const Case& item : cases) {
    ImportBatch batch = ParseCorpusFile(item.file);
    bool found = false;
    for (const RelationRecord& record : batch.relations) {
      Fact fact = Normalised({record.relation.source, record.relation.type, record.relation.target});
      if (fact == Normalised(item.fact) && record.relation.evidence[0].extractor == item.extractor) found = true;
    }
    EXPECT_TRUE(found) << item.file << ": " << item.fact.source << " " << item.fact.relation << " " << item.fact.target << " by " << item.extractor;
  }
}

// The quality floor of the issue on the labelled corpus: precision >= 0.9, recall >= 0.75.
// (bench/news_bench prints the figures per language and relation type.)
TEST(ArticleCorpus, MeetsThePrecisionAndRecallFloor) {
  size_t true_positives = 0, predicted = 0, expected_count = 0, articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CorpusDir())) {
    std::string path = entry.path().string();
    if (path.ends_with(".expected.csv")) continue;
    ++articles;
    std::set<Fact> expected;
    std::istringstream lines(testing::ReadFile(path.substr(0, path.find_last_of('.')) + ".expected.csv"));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      size_t first = line.find(','), second = line.find(',', first + 1);
      if (second != std::string::npos) expected.insert(Normalised({line.substr(0, first), line.substr(first + 1, second - first - 1), line.substr(second + 1)}));
    }
    std::set<Fact> found;
    for (const RelationRecord& record : ParseArticle(ReadSourceFile(path), DefaultSchema()).relations) {
      found.insert(Normalised({record.relation.source, record.relation.type, record.relation.target}));
    }
    for (const Fact& fact : found) true_positives += expected.count(fact);
    predicted += found.size();
    expected_count += expected.size();
  }
  EXPECT_GE(articles, 15u);
  double precision = static_cast<double>(true_positives) / static_cast<double>(predicted);
  double recall = static_cast<double>(true_positives) / static_cast<double>(expected_count);
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.75);
}

// ---- Command line -----------------------------------------------------------------------

TEST(ArticleCli, ImportsOnceAndShowsEvidence) {
  TempDir dir;
  std::string db = dir.File("news.db");
  std::string article = dir.Write("story.txt",
                                  "ADVERTISEMENT\n카카오, AI 스타트업에 투자\n"
                                  "카카오벤처스가 국내 AI 스타트업 업스테이지에 50억원을 투자했다고 3일 밝혔다.\n"
                                  "<저작권자 © 예시뉴스 무단전재 및 재배포금지>\n");
  testing::RunResult first = RunRelgraph({"--db", db, "import", article, "--date", "2024-05-03", "--format", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  nlohmann::json summary = nlohmann::json::parse(first.out);
  EXPECT_EQ(summary["relations_added"], 1);
  EXPECT_EQ(summary["evidence_added"], 1);
  EXPECT_EQ(summary["entities_added"], 2);

  testing::RunResult again = RunRelgraph({"--db", db, "import", article, "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  nlohmann::json second = nlohmann::json::parse(again.out);
  EXPECT_EQ(second["relations_added"], 0);
  EXPECT_EQ(second["evidence_added"], 0);
  EXPECT_EQ(second["documents_added"], 0);
  EXPECT_EQ(second["articles_skipped"], nlohmann::json::array({article}));

  testing::RunResult entity = RunRelgraph({"--db", db, "entity", "업스테이지", "--format", "json"});
  ASSERT_EQ(entity.exit_code, 0) << entity.err;
  nlohmann::json shown = nlohmann::json::parse(entity.out);
  ASSERT_EQ(shown["relations"].size(), 1u);
  const nlohmann::json& evidence = shown["relations"][0]["evidence"][0];
  EXPECT_EQ(evidence["sentence"], "카카오벤처스가 국내 AI 스타트업 업스테이지에 50억원을 투자했다고 3일 밝혔다.");
  EXPECT_EQ(evidence["extractor"], "article:ko_invest");
}

TEST(ArticleCli, DryRunListsSentencesAndWritesNothing) {
  TempDir dir;
  std::string article = dir.Write("deal.md", "# Deal\n\nMicrosoft acquired Nuance Communications for $19.7 billion in 2022.\n");
  testing::RunResult run = RunRelgraph({"--db", dir.File("none.db"), "import", article, "--dry-run"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Microsoft -acquires-> Nuance Communications"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"Microsoft acquired Nuance Communications for $19.7 billion in 2022.\""), std::string::npos) << run.out;
  EXPECT_FALSE(std::filesystem::exists(dir.File("none.db")));
}

TEST(ArticleCli, RejectsArticlesThatAreNotUtf8WithTheirPosition) {
  TempDir dir;
  std::string article = dir.Write("euckr.txt", std::string("abc\n\xB3\xD7\xC0\xCC\xB9\xF6 news\n"));
  testing::RunResult run = RunRelgraph({"--db", dir.File("x.db"), "import", article});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err.rfind("relgraph: error: " + article + ":2:1: expected UTF-8 text", 0), 0u) << run.err;
}

TEST(ArticleCli, UrlNamesOneArticleOnly) {
  TempDir dir;
  std::string a = dir.Write("a.txt", "네이버가 모델을 공개했다.\n");
  std::string b = dir.Write("b.txt", "카카오가 모델을 공개했다.\n");
  testing::RunResult run = RunRelgraph({"--db", dir.File("x.db"), "import", a, b, "--url", "https://example.com/a"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "relgraph: error: --url names one article, found 2 article files\n");
}

}  // namespace
}  // namespace relgraph::importers
