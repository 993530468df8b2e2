// The article importer's pattern families that span languages, and the pipeline's bounds on
// pathological input. Korean, Chinese and English families: article_families_{ko,zh,en}_test.cpp.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "tests/news/article_families.h"

namespace relgraph::importers {
namespace {

using families::Expect;
using families::Facts;

TEST(ArticleFamilies, TitlesOfUnitsAndInBrackets) {
  // A unit's name written onto the title ("전략기획본부장") and a title in brackets after the name.
  Expect("한지호 카카오 전략기획본부장은 계획을 밝혔다.", "ko", {"한지호 works_at Kakao"});
  Expect("누리AI사업단(단장 문소라)은 한빛로보틱스와 업무협약을 체결했다.", "ko",
         {"문소라 works_at 누리AI사업단", "누리AI사업단 partners_with 한빛로보틱스"});
  Expect("星河科技（董事长 王明）今日宣布完成融资。", "zh", {"王明 works_at 星河科技"});
  // A name may end in Latin letters joined by "&" after its suffix.
  Expect("오세린 누리공제회S&T 사장은 말했다.", "ko", {"오세린 works_at 누리공제회S&T"});
}

TEST(ArticleFamilies, ProductsOfTheirMakers) {
  Expect("OpenAI's ChatGPT leads the market, and Gemini maker Google is catching up.", "en",
         {"OpenAI develops ChatGPT", "Google develops Gemini"});
  Expect("오픈AI의 챗GPT가 시장을 이끈다.\n\n챗봇 ‘루나’ 개발사 누리봇은 이용자를 늘렸다.", "ko",
         {"OpenAI develops ChatGPT", "누리봇 develops 루나"});
  Expect("阿里巴巴旗下的“星河”大模型上线了。", "zh", {"Alibaba Group develops 星河"});
}

TEST(ArticleFamilies, SubsidiariesAndParents) {
  Expect("Instagram is a unit of Meta Platforms. Google DeepMind, a subsidiary of Alphabet, released a model. Waymo's parent Alphabet "
         "expanded the service.",
         "en", {"Instagram part_of Meta Platforms", "Google DeepMind part_of Alphabet Inc.", "Waymo part_of Alphabet Inc."});
  Expect("The team is part of the company's plan.", "en", {}, {});
  Expect("삼성전자 산하 삼성리서치는 새 모델을 공개했다.", "ko", {"Samsung Research part_of Samsung Electronics"});
}

TEST(ArticleFamilies, AdoptionIsSupply) {
  Expect("LG유플러스는 업스테이지의 AI 모델 ‘솔라’를 자사 고객센터에 도입했다.", "ko", {"Upstage supplies LG Uplus"});
  Expect("Apple uses Google's Gemini in Siri.", "en", {"Google supplies Apple", "Google develops Gemini"});
  // Customers are supplied; "counts ... among its" decides between customers and investors.
  Expect("Vantic Labs counts Oracle and Siemens among its customers.", "en", {"Vantic Labs supplies Oracle", "Vantic Labs supplies Siemens"},
         {"Oracle invests_in Vantic Labs"});
  Expect("Vantic Labs sells software to banks. Its customers include Oracle and Siemens.", "en",
         {"Vantic Labs supplies Oracle", "Vantic Labs supplies Siemens"});
  Expect("Quillo counts Harbor Lane Capital and Oakfield Partners among its early investors.", "en",
         {"Harbor Lane Capital invests_in Quillo", "Oakfield Partners invests_in Quillo"}, {"Quillo supplies Harbor Lane Capital"});
}

TEST(ArticleFamilies, DescriptionsAndRoundsReferBack) {
  // "the Berlin-based robotics startup": a description with modifiers refers to the company before.
  Expect("Quillon Robotics opened an office in Lisbon this spring.\n\n"
         "The Berlin-based robotics startup raised $40 million from Sequoia Capital.",
         "en", {"Sequoia Capital invests_in Quillon Robotics"});
  // "The round" is the raising company's, even when an investor was the last sentence's subject.
  Expect("Quillon Robotics raised $40 million from Sequoia Capital.\n\nThe round was co-led by Accel and Index Ventures.", "en",
         {"Accel invests_in Quillon Robotics", "Index Ventures invests_in Quillon Robotics"}, {"Accel invests_in Sequoia Capital"});
  // BACKER-led ROUND and "X as lead investor" name the backer of the clause's subject.
  Expect("Quillon Robotics closed a $40 million SoftBank-led round on Monday.", "en", {"SoftBank Group invests_in Quillon Robotics"});
  Expect("Quillon Robotics signed Sequoia Capital as lead investor for its next round.", "en", {"Sequoia Capital invests_in Quillon Robotics"});
  Expect("Samsung made a $5 million investment into Quillon Robotics last year.", "en", {"Samsung Group invests_in Quillon Robotics"});
  // A description ends at its head: no clause words inside ("the firm that ..." is no modifier run).
  Expect("Quillon Robotics raised $40 million from Accel.\n\nThe round valued it at $300 million.", "en", {"Accel invests_in Quillon Robotics"},
         {"Accel invests_in Accel"});
  // Chinese: 本轮融资 is the raiser's, followers in a second clause invest in it too; a name
  // moved by 将 is no actor.
  Expect("星澜智能宣布完成5亿元B轮融资。\n\n本轮融资由红杉中国领投，腾讯、美团跟投。", "zh",
         {"HongShan invests_in 星澜智能", "Tencent invests_in 星澜智能", "Meituan invests_in 星澜智能"},
         {"Tencent invests_in HongShan", "Meituan invests_in HongShan"});
  Expect("星澜智能表示已完成Pre-A轮融资，投资方包括腾讯。", "zh", {"Tencent invests_in 星澜智能"}, {"Tencent invests_in Pre-A"});
}

TEST(ArticleFamilies, TitlesWithTransliteratedNames) {
  // "ORG의 (현) TITLE PERSON" with a foreign name in two Hangul words, its particle split off.
  Expect("행사에는 우버의 현 최고경영자 다라 모로샤니도 참석했다.\n\n우버의 창업자 트래비스 멀리건이 새 회사를 세웠다.", "ko",
         {"다라 모로샤니 works_at Uber Technologies", "트래비스 멀리건 founded Uber Technologies"});
  // "X의 자회사인 Y": the subsidiary is the noun the title modifies, not the clause's subject.
  Expect("정부가 우수 기업으로 소프트뱅크의 자회사인 소프트뱅크벤처스를 선정했다.", "ko", {"SBVA part_of SoftBank Group"},
         {"SBVA part_of Ministry of SMEs and Startups"});
  // A first word that looks like a Korean name ("오렌": 오 is a surname) joins the second when a
  // title follows both; a word with a particle never starts a name ("연구진이 겸직 교수로").
  Expect("미국 앨런 AI연구소의 오렌 에치오니 소장은 새 팀을 소개했다.", "ko", {"오렌 에치오니 works_at Allen Institute for AI"});
  EXPECT_TRUE(Facts("네이버 연구진이 겸직 교수로 대학원생들을 지도한다.", "ko").empty());
  Expect("The deal was announced by Uber's current CEO Dara Khosrowshahi on Monday morning.", "en",
         {"Dara Khosrowshahi works_at Uber Technologies"});
}

TEST(ArticleFamilies, AppointmentsAndFormerEmployers) {
  // Appointments name people nobody knows; a former employer is no employer.
  Expect("阿里巴巴任命吴明远为集团首席执行官。", "zh", {"吴明远 works_at Alibaba Group"});
  Expect("百度宣布聘请张华担任首席技术官。", "zh", {"张华 works_at Baidu"});
  Expect("Former Meta researcher Tom Clark joined Cohere as head of research.", "en", {"Tom Clark works_at Cohere"},
         {"Tom Clark works_at Meta Platforms"});
  // "이서연씨가": the honorific 씨 marks a person.
  Expect("오픈AI 출신 연구원 이서연씨가 업스테이지에 합류했다.", "ko", {"이서연 works_at Upstage"}, {"이서연 works_at OpenAI"});
}

TEST(ArticleFamilies, NegationRumourAndPlansStayOut) {
  Expect("Nvidia did not invest in Cohere. Apple is in talks to invest in OpenAI. Amazon denied that it would invest in Anthropic.",
         "en", {}, {"Nvidia invests_in Cohere", "Apple invests_in OpenAI", "Amazon invests_in Anthropic"});
  Expect("카카오는 업스테이지에 투자하지 않았다. 네이버가 업스테이지 인수를 검토 중이다. 삼성전자는 레인보우로보틱스 투자설을 부인했다.", "ko", {},
         {"Kakao invests_in Upstage", "Naver acquires Upstage", "Samsung Electronics invests_in Rainbow Robotics"});
  Expect("腾讯否认投资月之暗面。传闻阿里巴巴将收购百川智能。百度并未投资智谱AI。", "zh", {},
         {"Tencent invests_in Moonshot AI", "Alibaba Group acquires Baichuan Intelligence", "Baidu invests_in Zhipu AI"});
  // Plans and explorations are no facts either.
  Expect("Meta explored a partnership with OpenAI but the talks collapsed.", "en", {}, {"Meta Platforms partners_with OpenAI"});
  Expect("애플이 미스트랄AI 인수를 추진하고 있는 것으로 알려졌다.", "ko", {}, {"Apple acquires Mistral AI"});
  Expect("华为计划与科大讯飞合作开发大模型。", "zh", {}, {"Huawei partners_with iFlytek"});
  // The same facts stated plainly are found (the filter is no blanket).
  Expect("Google invested in Anthropic in May 2023.", "en", {"Google invests_in Anthropic"});
  Expect("아마존이 앤트로픽에 투자했다.", "ko", {"Amazon invests_in Anthropic"});
  Expect("腾讯投资了月之暗面，未来两年将继续合作。", "zh", {"Tencent invests_in Moonshot AI"});
}

TEST(ArticleFamilies, TitlesWithModifiersAndFields) {
  Expect("Mara Quist, founding managing partner at Tessel Capital, said the market is early.", "en",
         {"Mara Quist works_at Tessel Capital", "Mara Quist founded Tessel Capital"});
  Expect("Idris Kell, head of robotics at Norvane Labs, said the arm ships next year.", "en", {"Idris Kell works_at Norvane Labs"});
  Expect("Idris Kell, senior director at Norvane Labs, said the arm ships next year.", "en", {"Idris Kell works_at Norvane Labs"});
  Expect("云岫科技高级副总裁王磊表示,公司将扩大研发。", "zh", {"王磊 works_at 云岫科技"});
  // A person behind "ORG TITLE" after a trigger is the trigger's argument, not the organisation.
  Expect("Norvane Labs was founded by Tessel Capital co-founder Mara Quist in 2019.", "en",
         {"Mara Quist founded Norvane Labs", "Mara Quist founded Tessel Capital"}, {"Tessel Capital founded Norvane Labs"});
}

TEST(ArticleFamilies, PastJobsGiveNoWorksAt) {
  Expect("云岫科技创始人王磊毕业于清华,曾就职于百度。", "zh", {"王磊 founded 云岫科技"}, {"王磊 works_at Baidu"});
  Expect("Mara Quist previously worked at Google before she founded Norvane Labs.", "en", {}, {"Mara Quist works_at Google"});
  // The job stated plainly is found.
  Expect("云岫科技CTO王磊毕业于清华。王磊目前就职于百度,负责搜索业务。", "zh", {"王磊 works_at Baidu"});
}

TEST(ArticleFamilies, TitledPeopleInDottedListsAndCounts) {
  // Korean lists joined by middle dots: every "PERSON ORG TITLE" holds; "ORG의 PERSON TITLE" too.
  Expect("행사에는 한지석 누리온 대표·오세린 연세대 미래캠퍼스 부총장, 그리고 솔빛랩스의 마준호 대표이사 등이 참석했다.", "ko",
         {"한지석 works_at 누리온", "오세린 works_at Yonsei University", "마준호 works_at 솔빛랩스"});
  // A count is no name ("17 AI"); an unknown capitalised organisation before a capitalised title.
  Expect("Norvane has snapped up 17 AI startups since 2013.", "en", {}, {"Norvane acquires 17 AI"});
  Expect("\"Scale matters,\" said Quillo Chief Executive Officer Adrian Vell, who joined last year.", "en", {"Adrian Vell works_at Quillo"});
}

TEST(ArticleFamilies, TitlesWithModifiersInAList) {
  // Each person of a list takes the organisation right before its own title; a title may carry a
  // modifier ("投资合伙人", "董事总经理") or be any chief officer; "投资" inside a title invests in nobody.
  Expect("嘉宾分别是：云岫资本合伙人张伟、蓝湾资本投资合伙人陈石、星辰创投董事总经理温永腾、澄心资本合伙人吴炳见。", "zh",
         {"张伟 works_at 云岫资本", "陈石 works_at 蓝湾资本", "温永腾 works_at 星辰创投", "吴炳见 works_at 澄心资本"},
         {"陈石 works_at 云岫资本", "温永腾 works_at 云岫资本", "蓝湾资本 invests_in 星辰创投"});
  Expect("Ada Novak, chief content officer of Quillo Systems, said the launch slipped.", "en", {"Ada Novak works_at Quillo Systems"});
}

TEST(ArticleFamilies, RoundsWithALeadAndFollowers) {
  // "led by A with participation from B": B backs the raiser, not A.
  Expect("Quillo Systems raised $90 million. The round was led by Harbor Lane with participation from Oakfield Partners and Vantic Capital.", "en",
         {"Harbor Lane invests_in Quillo Systems", "Oakfield Partners invests_in Quillo Systems"},
         {"Oakfield Partners invests_in Harbor Lane", "Vantic Capital invests_in Harbor Lane"});
  // Chinese followers named before their role: "B为跟投方", "C、D等老股东持续加注", "投资名单上出现了E".
  Expect("星河科技完成天使轮融资，由云岫资本领投，北辰基金为跟投方，启光创投、澄心资本等老股东持续加注。", "zh",
         {"云岫资本 invests_in 星河科技", "北辰基金 invests_in 星河科技", "启光创投 invests_in 星河科技", "澄心资本 invests_in 星河科技"});
  Expect("星河科技官宣了一笔新融资，投资名单上还出现了北辰基金。", "zh", {"北辰基金 invests_in 星河科技"}, {"星河科技 invests_in 北辰基金"});
}

TEST(ArticleFamilies, ProductsWithVersions) {
  // A version after a name is part of the product's name; amounts are no versions; an
  // organisation's team ("구글 연구진이") acts for it.
  Expect("오늘은 좋은 날이다. 누리랩은 경쟁 모델을 겨냥한 하늘 1.0을 공개했다.", "ko", {"누리랩 develops 하늘 1.0"});
  Expect("今天天气很好。星河科技发布了天枢2.0。", "zh", {"星河科技 develops 天枢2.0"});
  Expect("今天天气很好。星河科技的研发开支增加至人民币 2.05 亿元。", "zh", {}, {"星河科技 develops 人民币 2.05"});
  Expect("오늘은 좋은 날이다. 카카오 연구진이 내놓은 하늘 2.0은 화제가 됐다.", "ko", {"Kakao develops 하늘 2.0"});
}

TEST(ArticleFamilies, PairAnaphors) {
  // "양사", "双方", "the two companies" stand for the two organisations named together last.
  Expect("네이버와 카카오가 협력했다. 양사는 최근 AI 스타트업 누리랩에 공동 투자했다.", "ko",
         {"Naver invests_in 누리랩", "Kakao invests_in 누리랩"});
  Expect("星河科技与云岫资本的合作始于去年,双方宣布成立“澄心联合实验室”。", "zh",
         {"星河科技 partners_with 云岫资本", "星河科技 founded 澄心联合实验室", "云岫资本 founded 澄心联合实验室"}, {"双方 founded 澄心联合实验室"});
  Expect("Quillo Systems and Norma Labs signed a deal. The two companies invested in Vantic Labs last year.", "en",
         {"Quillo Systems invests_in Vantic Labs", "Norma Labs invests_in Vantic Labs"});
}

TEST(ArticleFamilies, OfficerAcronymsAndChineseInvestorLists) {
  // Any officer's acronym is a title ("CMO", "CAIO"), in every language; a Chinese list cue is
  // no part of the name after it ("包括星河资本"); "参与本轮投资的包括A、B" and "A、B等投资方"
  // name the investors of the round the sentence before raised.
  Expect("Today was fine.\n\nQuillo Systems CMO Ada Novak said so. Brin Tosh, CAIO of Norma Labs, agreed.", "en",
         {"Ada Novak works_at Quillo Systems", "Brin Tosh works_at Norma Labs"});
  Expect("오늘은 발표가 있었다.\n\n홍길순 카카오 CMO는 말했다.", "ko", {"홍길순 works_at Kakao"});
  Expect("今天天气很好。\n\n百度CMO龙梦竹表示,公司很好。", "zh", {"龙梦竹 works_at Baidu"});
  Expect("今天天气很好。\n\n云岫智能有限公司完成了新一轮融资。参与本轮投资的包括星河资本、蓝湾创投。澄心资产、元禾控股等投资方都是战略投资。", "zh",
         {"星河资本 invests_in 云岫智能有限公司", "蓝湾创投 invests_in 云岫智能有限公司", "澄心资产 invests_in 云岫智能有限公司",
          "Oriza Holdings invests_in 云岫智能有限公司"},
         {"包括星河资本 invests_in 云岫智能有限公司"});
}

TEST(ArticleFamilies, MembersListedBeforeTheirConsortium) {
  // "A·B·C 등 SK ICT연합": a list right before a consortium's name lists its members; a generic
  // word before a suffix names a unit of the known organisation before it ("SK ICT연합"); "사업"
  // before a suffix names nothing ("기존 사업협동조합").
  Expect("오늘은 좋은 날이다.\n\nSK텔레콤·SK하이닉스·SK스퀘어 등 SK ICT연합은 사피온의 지분 100%를 보유하고 있다.", "ko",
         {"SK Telecom member_of SK ICT연합", "SK hynix member_of SK ICT연합", "SK Square member_of SK ICT연합", "SK ICT연합 invests_in Sapeon"});
  Expect("오늘은 좋은 날이다.\n\n카카오는 기존 사업협동조합에 AI 기술 도입을 지원한다.", "ko", {}, {"Kakao backs 사업협동조합", "Kakao supplies 사업협동조합"});
  Expect("今天天气很好。\n\n百度、腾讯等人工智能开放创新联盟成员发布了新标准。", "zh",
         {"Baidu member_of 人工智能开放创新联盟", "Tencent member_of 人工智能开放创新联盟"});
}

TEST(ArticleFamilies, SupplyReceivedShareholdersAndGlossedPartners) {
  // "A, B 등이 엔비디아 최신 GPU를 공급받아": the supplier stands in the object ("최신" is no
  // verb); "X는 A, B 등이 주요 주주로": shareholders of the topic; "Advanced Micro Devices (AMD)
  // and OpenAI": a gloss after a list item keeps the list.
  Expect("오늘은 좋은 날이다.\n\n삼성전자, 네이버클라우드 등이 엔비디아 최신 GPU를 공급받아 AI 팩토리를 구축한다.", "ko",
         {"Nvidia supplies Samsung Electronics", "Nvidia supplies Naver Cloud"});
  Expect("오늘은 좋은 날이다.\n\n리벨리온은 마이크로소프트, 테마섹 등이 주요 주주로 참여하고 있다.", "ko",
         {"Microsoft invests_in Rebellions", "Temasek Holdings invests_in Rebellions"});
  Expect("Today was fine.\n\nQuillo Systems (QS) and Norma Labs announced a multi-year partnership on Monday.", "en",
         {"Quillo Systems partners_with Norma Labs"});
}

// The whole pipeline is bounded: pathological inputs finish quickly (a hang is a crash).
TEST(ArticlePipeline, PathologicalInputsFinish) {
  std::vector<std::pair<std::string, std::string>> inputs;
  inputs.emplace_back(std::string(10000, '(') + "OpenAI" + std::string(10000, ')'), "en");
  inputs.emplace_back(std::string(20000, '(') + " graphics processing units", "en");
  std::string line;
  for (int i = 0; i < 30000; ++i) line += "Nvidia invests in OpenAI and Acme Labs (AL) with graphics units (GPUs) ";
  inputs.emplace_back(line, "en");  // a line of about 2 MB with 60,000 glosses
  std::string glosses;
  for (int i = 0; i < 100000; ++i) glosses += "x (y) ";
  inputs.emplace_back(glosses, "en");
  inputs.emplace_back(std::string(30000, '"') + "“‘「《" + std::string(3000, 'a'), "en");
  std::string mixed;
  for (int i = 0; i < 5000; ++i) mixed += "네이버(NAVER)와 百度（Baidu）、ＯｐｅｎＡＩ “투자” ▲ 有限公司 ";
  inputs.emplace_back(mixed, "ko");
  inputs.emplace_back(mixed, "zh");
  // One run-on sentence of about 300 KB, full of names, titles and lists, in each language: it is
  // analysed in bounded pieces, so the work grows with its length only.
  std::string names_en, names_ko, names_zh;
  for (int i = 0; i < 5000; ++i) names_en += "Quillo Systems, Vantic Labs and Harbor Fund met Ada Novak, CEO of Norma AI, ";
  for (int i = 0; i < 2500; ++i) names_ko += "김철수 누리온 대표, 박지훈 그린스텔라 게임즈 대표와 이민호 카카오 대표는 ";
  for (int i = 0; i < 4000; ++i) names_zh += "星河科技、云岫、GGV纪源资本、北极光和网易跟投，";
  inputs.emplace_back(names_en + "end.", "en");
  // ... and one dense with triggers and the names after them (every name read as an object of
  // every trigger before it cost seconds per piece).
  std::string triggers_en;
  for (int i = 0; i < 10000; ++i) triggers_en += "Acme" + std::to_string(i) + " was founded by many people ";
  inputs.emplace_back(triggers_en + "– John Smith.", "en");
  inputs.emplace_back(names_ko + "말했다.", "ko");
  inputs.emplace_back(names_zh + "。", "zh");
  // Thousands of sentences, each teaching a new name, and names taught only after the sentences
  // that use them: reading sentences again for later names stays linear in the article.
  std::string taught, later_a, later_b;
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  const std::vector<std::string> han = {"星", "河", "云", "岫", "海", "川", "智", "驾", "天", "工", "灵", "犀", "深", "蓝", "极", "光"};
  for (int i = 0; i < 4000; ++i) {
    std::string word = "Q";
    for (int n = i; word.size() < 6; n /= 26) word += letters[static_cast<size_t>(n % 26)];
    taught += word + " Labs raised $5 million from Harbor Ventures in a seed round. ";
  }
  for (int i = 0; i < 2000; ++i) {
    std::string utf8;
    for (int n = i, k = 0; k < 4; n /= 16, ++k) utf8 += han[static_cast<size_t>(n % 16)];
    later_a += "北辰资本此前已投资" + utf8 + "。";
    later_b += utf8 + "宣布完成B轮融资，由云岫资本领投。";
  }
  inputs.emplace_back(taught, "en");
  inputs.emplace_back(later_a + "\n" + later_b, "zh");
  for (const auto& [text, lang] : inputs) {
    auto start = std::chrono::steady_clock::now();
    Facts(text, lang);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 20.0) << lang << " input of " << text.size() << " bytes";
  }
}

TEST(ArticleFamilies, PhotoCaptionsNameWhoIsInThePicture) {
  // A caption before its credit is text: its titles name people; the credit names nobody.
  Expect("첫 문장이다.\n\n왼쪽부터 김민수 카카오 대표, 이철수 네이버 CEO (사진=누리일보)\n\n둘째 문장이다.\n", "ko",
         {"김민수 works_at Kakao", "이철수 works_at Naver"});
  Expect("AMD buys a startup.\n\nAMD CEO Lisa Su. Photographer: Jane Roe/Bloomberg via Getty Images\n\nThe deal closes soon.\n", "en",
         {"Lisa Su works_at AMD"}, {"Jane Roe works_at Bloomberg", "Jane Roe works_at AMD"});
  // A caption repeated by the scrape (alt text and caption) is read once.
  std::set<std::string> once = families::Facts("이 기사는 시험을 위해 쓴 첫 문장이다.\n\n김민수 카카오 대표가 6일 서울 강남구 본사에서 열린 개발자 행사에서 자사의 새 생성형 AI 모델과 서비스를 소개하고 있다\n김민수 카카오 대표가 6일 서울 강남구 본사에서 열린 개발자 행사에서 자사의 새 생성형 AI 모델과 서비스를 소개하고 있다\n\n둘째 문장이다.\n", "ko");
  EXPECT_EQ(once.count("김민수 works_at Kakao"), 1u);
  // A credit with too little before it is still no text.
  std::set<std::string> none = families::Facts("첫 문장이다.\n\n카카오 대표 (사진=누리일보)\n\n둘째 문장이다.\n", "ko");
  EXPECT_TRUE(none.empty());
}

TEST(ArticleFamilies, TransliteratedNamesAfterTitles) {
  // A long transliterated Korean family name, and a Chinese one joined by a middle dot; an
  // officer's title after a Latin name is no part of the name.
  Expect("첫 문장이다. 이날 언팩 행사에는 히로시 로크하이머 구글 수석부사장이 직접 참석했다.", "ko", {"히로시 로크하이머 works_at Google"});
  Expect("这是第一句。连Airbnb CEO布莱恩·墨斯基都公开表示,公司大量依赖Qwen。", "zh", {"布莱恩·墨斯基 works_at Airbnb"});
}

TEST(ArticleFamilies, SalesInEveryLanguage) {
  // The buyer of a sale acquires what is sold; selling a stake or shares is no sale of the company.
  Expect("첫 문장이다. 카카오는 카카오브레인을 네이버에 매각했다.", "ko", {"Naver acquires Kakao Brain"});
  Expect("첫 문장이다. 카카오는 보유 지분을 네이버에 매각했다.", "ko", {}, {"Naver acquires Kakao"});
  Expect("Filler line. Google sold Boston Dynamics to SoftBank in 2017.", "en", {"SoftBank Group acquires Boston Dynamics"});
  Expect("Filler line. Google sold shares to SoftBank in 2017.", "en", {}, {"SoftBank Group acquires Google"});
  Expect("填充句子。谷歌将波士顿动力出售给软银。", "zh", {"SoftBank Group acquires Boston Dynamics"});
}

TEST(ArticleFamilies, RejectedOffersAreNoDeals) {
  // An offer turned down states no acquisition, in any language.
  Expect("첫 문장이다. 반도체 스타트업 리벨리온이 메타 인수 제안을 거절했다.", "ko", {}, {"Rebellions acquires Meta Platforms", "Meta Platforms acquires Rebellions"});
  Expect("Filler line. Anthropic rejected an offer to acquire Quillo Labs.", "en", {}, {"Anthropic acquires Quillo Labs"});
  Expect("填充句子。月之暗面拒绝了阿里巴巴的收购。", "zh", {}, {"Alibaba Group acquires Moonshot AI"});
}

TEST(ArticleFamilies, RespectiveListsAndJointFounders) {
  // "respectively", 각각, 分别: two lists of equal length pair up in order.
  Expect("Vantic Systems and Quillo Labs bought Norma Robotics and Harbor Dynamics respectively.", "en",
         {"Vantic Systems acquires Norma Robotics", "Quillo Labs acquires Harbor Dynamics"},
         {"Vantic Systems acquires Harbor Dynamics", "Quillo Labs acquires Norma Robotics"});
  Expect("삼성전자와 현대차는 앞서 각각 레인보우로보틱스와 미국 보스턴다이내믹스를 인수했다.", "ko",
         {"Samsung Electronics acquires Rainbow Robotics", "Hyundai Motor Company acquires Boston Dynamics"},
         {"Samsung Electronics acquires Boston Dynamics", "Hyundai Motor Company acquires Rainbow Robotics"});
  // A joint founding names its co-founder with "와/과", "with", "与".
  Expect("머스크는 2015년 샘 알트만과 오픈AI를 비영리 단체로 공동 설립했다.", "ko", {"Elon Musk founded OpenAI", "Sam Altman founded OpenAI"});
  Expect("In 2015 Elon Musk co-founded OpenAI with Sam Altman.", "en", {"Elon Musk founded OpenAI", "Sam Altman founded OpenAI"});
  Expect("MGX于去年成立,由穆巴达拉与G42共同创立。", "zh", {"Mubadala Investment Company founded MGX", "G42 founded MGX"});
}

TEST(ArticleFamilies, RivalsGivenAsExamplesAndBackersByRole) {
  // "像谷歌这样的竞争对手", "구글 및 앤트로픽 같은 경쟁사": the examples compete with the subject.
  Expect("苹果目前依赖像谷歌这样的竞争对手为其提供人工智能支持。", "zh", {"Apple competes_with Google"});
  Expect("이번 영입은 오픈AI가 구글 및 앤트로픽 같은 경쟁사보다 우위를 점하는 데 도움이 될 것이다.", "ko",
         {"OpenAI competes_with Google", "OpenAI competes_with Anthropic"}, {"Google competes_with Anthropic"});
  // "X的老股东Y", "X's largest shareholder, Y,", "X의 최대주주인 Y": Y invests in X.
  Expect("李开复口中的大厂,就成了零一万物的老股东阿里,双方此前有过合作。", "zh", {"Alibaba Group invests_in 01.AI"});
  Expect("星河智能的股东云岫资本宣布退出该项目。", "zh", {"云岫资本 invests_in 星河智能"});
  Expect("Filler line. Quillo Labs' largest shareholder, Harbor Ventures, sold stock.", "en", {"Harbor Ventures invests_in Quillo Labs"});
  Expect("업스테이지의 최대주주인 한빛벤처스는 지분을 팔았다.", "ko", {"한빛벤처스 invests_in Upstage"});
}

TEST(ArticleFamilies, QuotedSpeechRelatesNoSpeaker) {
  // A trigger inside quoted speech takes no argument from outside the quote: the speaker makes,
  // buys or backs nothing the quote names.
  Expect("전병곤 부원장은 “예를 들면 ‘GPT-3라는 개념을 설명해줘’라고 하면 글을 만들어 준다”고 설명했다.", "ko", {},
         {"Chun Byung-gon develops GPT-3"});
  Expect("\"We will keep investing in Mistral AI,\" said Satya Nadella.", "en", {}, {"Satya Nadella invests_in Mistral AI"});
}

TEST(ArticleFamilies, UnitsNamedBeforeTheirParentNoun) {
  // "UNIT parent PARENT" in every language (data/triggers.json "parent_nouns"); 모회사 and 子公司
  // are common nouns, no names.
  Expect("구글 모회사 알파벳은 투자를 늘렸다.", "ko", {"Google part_of Alphabet Inc."});
  Expect("填充句子。谷歌母公司Alphabet增加了投资。", "zh", {"Google part_of Alphabet Inc."});
  Expect("Google parent Alphabet increased its spending.", "en", {"Google part_of Alphabet Inc."});
}

}  // namespace
}  // namespace relgraph::importers
