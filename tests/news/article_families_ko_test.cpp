// The article importer's pattern families in Korean: what a family must find, and the
// distractors it must leave alone (helpers: article_families.h).
#include <gtest/gtest.h>

#include <string>

#include "tests/news/article_families.h"

namespace relgraph::importers {
namespace {

using families::Expect;
using families::Facts;

TEST(ArticleFamilies, TitlesNextToNamesInKorean) {
  // PERSON ORG TITLE, with a gloss and a second title, and a transliterated two-word name.
  Expect("홍길순 삼성전자 최고데이터책임자(CDO) 부사장은 새 전략을 설명했다.\n\n"
         "데이비드 밀러 엔비디아 CEO는 한국을 찾았다.\n\n"
         "창업자인 나영진 루미랩스 대표는 기술을 소개했다.",
         "ko", {"홍길순 works_at Samsung Electronics", "데이비드 밀러 works_at Nvidia", "나영진 works_at 루미랩스", "나영진 founded 루미랩스"});
  // A list of "PERSON ORG TITLE" keeps each title with its own person.
  Expect("행사에는 박서준 카카오 대표, 이민호 KAIST 총장, 최유리 네이버 부사장 등이 참석했다.", "ko",
         {"박서준 works_at Kakao", "이민호 works_at KAIST", "최유리 works_at Naver"},
         {"이민호 works_at Kakao", "최유리 works_at KAIST"});
  // "ORG TITLE PERSON" lists keep each person with the title before it.
  Expect("테슬라 최고경영자 일론 머스크, 오픈AI 최고경영자 샘 앨트먼 등이 기부했다.", "ko",
         {"Elon Musk works_at Tesla", "Sam Altman works_at OpenAI"}, {"Elon Musk works_at OpenAI"});
}

TEST(ArticleFamilies, TitlesNameOrganisationsNobodyKnows) {
  // "PERSON ORG TITLE" with one or two words of a new organisation.
  Expect("정다온 소리결 대표는 새 서비스를 공개했다.\n\n오세린 블루피크 스튜디오 최고기술책임자(CTO)는 일정을 밝혔다.", "ko",
         {"정다온 works_at 소리결", "오세린 works_at 블루피크 스튜디오"});
  // A title taken as an object is no "PERSON ORG TITLE"; a common noun names no organisation.
  Expect("이번 행사에서 한지우 씨가 대표를 맡았다.\n\n정다온 회사 대표는 웃었다.", "ko", {}, {"정다온 works_at 회사"});
  // "ORG는 PERSON TITLE이 대표를 맡는다", "ORG를 이끄는 PERSON": leading an organisation.
  Expect("카카오는 배서윤 부사장이 대표를 맡는다.\n\n그간 네이버를 이끈 문태오 사장은 물러난다.", "ko",
         {"배서윤 works_at Kakao", "문태오 works_at Naver"});
  Expect("삼성전자는 이번 투자를 이끌었다.", "ko", {}, {"Samsung Electronics works_at Samsung Electronics"});
}

TEST(ArticleFamilies, InvestorListsInKorean) {
  Expect("AI 스타트업 누리봇은 ▲산업은행(100억원) ▲한빛벤처스(30억원) ▲가온인베스트먼트(10억원) 등으로부터 140억원을 조달했다.", "ko",
         {"Korea Development Bank invests_in 누리봇", "한빛벤처스 invests_in 누리봇", "가온인베스트먼트 invests_in 누리봇"});
}

TEST(ArticleFamilies, RoundLeadersAndParticipantsInKorean) {
  // The round is the previous sentence's; its leader and participants invest in that company.
  Expect("AI 스타트업 누리칩은 시리즈B 투자에서 300억원을 유치했다고 밝혔다. 이번 투자는 한빛벤처스가 주도했고 "
         "가온인베스트먼트와 산업은행이 참여했다.",
         "ko", {"한빛벤처스 invests_in 누리칩", "가온인베스트먼트 invests_in 누리칩", "Korea Development Bank invests_in 누리칩"});
}

TEST(ArticleFamilies, QuotedAndSuffixedNamesAreDiscovered) {
  Expect("KT는 반도체 설계업체 ‘누리칩’과 손을 잡았다.", "ko", {"KT partners_with 누리칩"});
}

TEST(ArticleFamilies, CoInvestorsAndAlliances) {
  Expect("카카오는 지난해 한빛벤처스, 가온인베스트먼트 등과 함께 AI 스타트업 누리봇에 30억원을 투자했다.", "ko",
         {"Kakao invests_in 누리봇", "한빛벤처스 invests_in 누리봇", "가온인베스트먼트 invests_in 누리봇"});
  Expect("네이버를 비롯한 카카오, KAIST, 서울대는 산학 연합체인 ‘미래AI협의체’를 결성했다.", "ko",
         {"Naver member_of 미래AI협의체", "Kakao member_of 미래AI협의체", "KAIST member_of 미래AI협의체",
          "Seoul National University member_of 미래AI협의체"});
  Expect("KT는 반도체 설계업체 ‘누리칩’과 클라우드 업체 ‘하늘넷’과 손을 잡았다.", "ko", {"KT partners_with 누리칩", "KT partners_with 하늘넷"});
  // A dropped subject is the previous sentence's topic, partner of every member of the list.
  Expect("KT는 AI 사업을 확대한다. 이를 위해 카카오, KAIST, 한양대와 손잡는다.", "ko",
         {"KT partners_with Kakao", "KT partners_with KAIST", "KT partners_with Hanyang University"},
         {"KAIST partners_with Hanyang University", "Hanyang University partners_with KAIST"});
}

TEST(ArticleFamilies, DroppedArgumentsComeFromTheSentenceBefore) {
  // Korean drops what the previous sentence named: the investors of "A 등이 투자했다" invest in
  // the company that just closed a round; "투자자로 나섰다" says the same.
  Expect("솔빛로보틱스는 지난달 120억원 규모의 시리즈A 라운드를 마감했다. 한빛벤처스, 카카오벤처스 등이 투자했다.", "ko",
         {"한빛벤처스 invests_in 솔빛로보틱스", "Kakao Ventures invests_in 솔빛로보틱스"});
  Expect("솔빛로보틱스는 지난달 시리즈B 라운드를 마감했다. 산업은행과 한빛벤처스가 투자자로 나섰다.", "ko",
         {"Korea Development Bank invests_in 솔빛로보틱스", "한빛벤처스 invests_in 솔빛로보틱스"});
  // A sentence that names its own target keeps it.
  Expect("솔빛로보틱스는 지난달 시리즈B 라운드를 마감했다. 카카오벤처스는 별도로 업스테이지에 투자했다.", "ko",
         {"Kakao Ventures invests_in Upstage"}, {"Kakao Ventures invests_in 솔빛로보틱스"});
}

TEST(ArticleFamilies, QuotedOrganisationsBeforeTitles) {
  // "PERSON 'ORG' TITLE" with a known and an unknown organisation; same-mark quotes pair up in
  // order, so the text between two quotations is never taken for a name.
  Expect("행사에는 유태준 '마음AI' 대표, 나영진 '솔빛로보틱스' 대표가 참석했다.", "ko",
         {"Yoo Tae-joon works_at Maum AI", "나영진 works_at 솔빛로보틱스"});
  std::set<std::string> found = Facts("행사에는 유태준 '마음AI' 대표, 나영진 '솔빛로보틱스' 대표가 참석했다.", "ko");
  for (const std::string& fact : found) EXPECT_EQ(fact.find("대표,"), std::string::npos) << fact;
}

TEST(ArticleFamilies, KoreanDealsWithNewNames) {
  // "X 역시" is a subject; the longest particle chain ends a new name ("솔빛로보에도"), but a
  // name may end in 나 ("너바나를").
  Expect("IT공룡인 카카오 역시 AI 기반 플랫폼 스타트업인 솔빛랩스에 투자했다. 이와 함께 카카오는 로봇 기업인 솔빛로보에도 투자했다.", "ko",
         {"Kakao invests_in 솔빛랩스", "Kakao invests_in 솔빛로보"}, {"Kakao invests_in 솔빛로보에"});
  // A compound cue ("제조업체") needs no copula; "품에 안다" is buying.
  Expect("앞서 인텔은 2016년에도 AI칩 제조업체 너바나를 4억 달러에 인수했다.", "ko", {"Intel acquires 너바나"}, {"Intel acquires 너바"});
  Expect("최근 네이버는 AI 스타트업인 ‘솔빛 AI’를 품에 안았다.", "ko", {"Naver acquires 솔빛 AI"});
  // "‘NAME'(GLOSS) 인수 계약": mixed quotes, the gloss an alias, the name right before the
  // noun trigger; "지난 16일" after a topic opens no relative clause.
  Expect("삼성전자는 지난 16일 지식 그래프 기술을 보유한 영국 스타트업 ‘옥스퍼드 솔빛'(OSB) 인수 계약을 맺었다.", "ko",
         {"Samsung Electronics acquires 옥스퍼드 솔빛"});
  std::set<std::string> found = Facts("지난 5월 삼성메디슨은 프랑스 스타트업 ‘솔비오'(Solvio) 인수를 위한 계약을 체결했다.", "ko");
  EXPECT_EQ(found.count("Samsung Medison acquires 솔비오"), 1u);
  EXPECT_EQ(found.count("Samsung Medison acquires Solvio"), 0u);  // one entity, the gloss its alias
}

TEST(ArticleFamilies, KoreanQuotedProductsByTheWordAfterThem) {
  // A quoted name followed or ended by a product word is a product; the subject develops it
  // even when the name stands bare before the noun trigger.
  Expect("솔빛랩스는 세계적 수준의 'Veltra X' 파운데이션 모델을 개발해 산업별 AI 적용을 확산한다.", "ko", {"솔빛랩스 develops Veltra X"});
  Expect("솔빛랩스는 범국민 AI 접근성 확대를 위한 '옴니 파운데이션 모델' 개발에 나선다.", "ko", {"솔빛랩스 develops 옴니 파운데이션 모델"});
}

TEST(ArticleFamilies, KoreanFundingAcrossParagraphsWithNewNames) {
  // "N원을 유치했다" is a round; the company of the paragraph before raised it (its subject was
  // dropped); names listed with a known investor are investors too.
  const std::string text =
      "누리온랩스는 2019년 설립 이후 여러 기관으로부터 80억원이 넘는 투자를 유치했다.\n"
      "지난 2020년에는 한빛네트워크와 소프트뱅크벤처스로부터 15억원을 유치했다.\n"
      "이후 2022년에는 카카오벤처스, 솔빛인베스트, 다온파트너스 등 다양한 업체로부터 40억원을 추가로 유치했다.";
  Expect(text, "ko",
         {"한빛네트워크 invests_in 누리온랩스", "SBVA invests_in 누리온랩스", "Kakao Ventures invests_in 누리온랩스", "솔빛인베스트 invests_in 누리온랩스",
          "다온파트너스 invests_in 누리온랩스"});
  // A paragraph with a subject of its own borrows none: "이것이" is the subject here.
  Expect("누리온랩스는 새 모델을 공개했다.\n그 결과가 구글의 연구진이 유럽을 주요 경쟁 상대로 꼽는 배경이다.", "ko", {},
         {"누리온랩스 competes_with Google", "Google competes_with 누리온랩스"});
  // After "X와" a verb may follow: "손잡고" names nobody.
  for (const std::string& fact : Facts("카카오와 손잡고 네이버, 누리온과 함께 협약을 맺었다.", "ko")) EXPECT_EQ(fact.find("손잡"), std::string::npos) << fact;
}

TEST(ArticleFamilies, KoreanAdnominalDealsAndAgreementsBetween) {
  // "X가 투자한 Y", "X가 돈을 넣은 Y": Y is named by what was done to it.
  Expect("미국 한빛캐피탈과 다온캐피털매니지먼트가 돈을 넣은 솔빛테크놀로지스, 중동 누리벤처스가 투자한 아로미 등이 자금 유치를 이끌었다.", "ko",
         {"한빛캐피탈 invests_in 솔빛테크놀로지스", "다온캐피털매니지먼트 invests_in 솔빛테크놀로지스", "누리벤처스 invests_in 아로미"});
  // "A, B 간 협약": the agreement holds between A and B; "투자 활성화" is no investment.
  Expect("중기부는 서울에서 소프트뱅크벤처스, 한국벤처투자 간 AI 투자 활성화를 위한 업무협약을 체결했다.", "ko",
         {"Korea Venture Investment Corp. partners_with SBVA"},
         {"Ministry of SMEs and Startups invests_in SBVA", "Ministry of SMEs and Startups invests_in Korea Venture Investment Corp."});
  // A country in a list is no organisation.
  for (const std::string& fact : Facts("누리벤처스가 투자한 아로미, 사우디아라비아 기업들이 성장했다.", "ko")) {
    EXPECT_EQ(fact.find("사우디아라비아"), std::string::npos) << fact;
  }
}

TEST(ArticleFamilies, KoreanTitlesAfterLongUnits) {
  // A unit of several words between the organisation and the title, a word qualifying the title,
  // "…경영자" heads and "상근" before a title.
  Expect("협약식에는 김민수 한빛소프트 글로벌 마켓 개발 부문 최고기술경영자와 데이비드 밀러 삼성전자 아시아 지역 공공 부문 비즈니스 리더가 참석했다.", "ko",
         {"김민수 works_at 한빛소프트", "데이비드 밀러 works_at Samsung Electronics"});
  Expect("이날 김외수 누리AI협회 상근부회장이 축사를 했다.", "ko", {"김외수 works_at 누리AI협회"});
  Expect("오늘은 좋은 날이다. 이날 행사에는 박서준 과학기술정보통신부 2차관이 참석했다.", "ko", {"박서준 works_at Ministry of Science and ICT"});
  // A title glued to its field ("테크리더") names a new organisation before it as well.
  Expect("박서진 누리온 테크리더는 새 서비스를 소개했다.", "ko", {"박서진 works_at 누리온"});
}

TEST(ArticleFamilies, KoreanNameAfterATitleLeavesItsParticle) {
  // "ORG의 TITLE PERSON은": the person is 홍길동, not 홍길동은.
  Expect("삼성전자의 대표 홍길동은 새 전략을 밝혔다.", "ko", {"홍길동 works_at Samsung Electronics"}, {"홍길동은 works_at Samsung Electronics"});
}

TEST(ArticleFamilies, KoreanOrganisationOwningAPersonsTitle) {
  // "그는 X의 공동 창립자이자 CTO로": X is an organisation even when nobody named it before.
  Expect("이서연 누리온 대표는 새 서비스를 소개했다. 그는 핀테크 전문 퀘리샐러드의 공동 창립자이자 최고 기술책임자(CTO)로 일했다.", "ko",
         {"이서연 founded 퀘리샐러드"});
  Expect("이서연 누리온 대표는 새 서비스를 소개했다. 그는 이번 행사의 위원장이다.", "ko", {}, {"이서연 works_at 행사"});
}

TEST(ArticleFamilies, KoreanServicesOperated) {
  // "챗봇 '루다'를 운영하는 누리랩": the operator of a named service develops it.
  Expect("오늘은 좋은 날이다. 챗봇 '루다'를 운영하는 누리랩은 새 서비스를 공개했다.", "ko", {"누리랩 develops 루다"});
  // A quoted name launched or made right after it is a product; joint development is both's.
  Expect("오늘은 좋은 날이다. 네이버와 카카오가 공동 개발한 '하이퍼봇'이 출시됐다.", "ko", {"Naver develops 하이퍼봇", "Kakao develops 하이퍼봇"});
  Expect("오늘은 좋은 날이다. 누리랩은 '혁신'을 강조했다.", "ko", {}, {"누리랩 develops 혁신"});
}

TEST(ArticleFamilies, KoreanSurnameAndTitle) {
  // "김 대표" names 김도윤 named in full before; the list 김 went through is his past, not the
  // company's founding.
  Expect("오늘은 좋은 날이다. 김도윤 누리랩 대표는 새 칩을 공개했다. 누리랩은 AMD와 삼성전자 메모리사업부 등을 거친 김 대표가 2017년 설립한 스타트업이다.",
         "ko", {"김도윤 founded 누리랩"}, {"누리랩 founded AMD", "김도윤 founded AMD"});
  // Two persons sharing a surname: "김 대표" names neither.
  Expect("오늘은 좋은 날이다. 김도윤 누리랩 대표와 김서진 한빛랩 대표가 만났다. 김 대표가 2017년 설립한 회사다.", "ko", {},
         {"김도윤 founded 누리랩", "김서진 founded 한빛랩"});
}

TEST(ArticleFamilies, KoreanMakingAnOrganisation) {
  // "만들다" an organisation founds it (a product is developed); 출범 launches an organisation.
  Expect("오늘은 좋은 날이다. 카카오는 AI 연구소 ‘누리AI연구원’을 만들었다.", "ko", {"Kakao founded 누리AI연구원"});
  Expect("오늘은 좋은 날이다. 네이버는 새 챗봇 '하이퍼봇'을 만들었다.", "ko", {"Naver develops 하이퍼봇"}, {"Naver founded 하이퍼봇"});
}

TEST(ArticleFamilies, KoreanTopicFoundedBySomeoneElse) {
  // "X는 Y가 설립했다": the topic is what was founded when another subject founded it.
  Expect("오늘은 좋은 날이다. 한빛랩은 지난해 박서진 대표가 설립했다.", "ko", {"박서진 founded 한빛랩"});
}

TEST(ArticleFamilies, KoreanSpinOffs) {
  // 분사: the parent founds the new company; the parent named inside the relative clause is
  // no argument of the main verb.
  Expect("오늘은 좋은 날이다. 카카오가 AI 자회사 ‘누리랩’을 분사했다.", "ko", {"Kakao founded 누리랩"});
  Expect("오늘은 좋은 날이다. 카카오에서 분사한 누리랩은 투자를 유치했다.", "ko", {"Kakao founded 누리랩"}, {"Kakao invests_in 누리랩"});
}

TEST(ArticleFamilies, ShareholderListsWithShares) {
  // A share after each member keeps the list together.
  Expect("오늘은 좋은 날이다. 누리랩의 주요 주주 지분율은 카카오 62.5%, 네이버 25%, 한빛인베스트먼트 12.5% 등이다.", "ko",
         {"Kakao invests_in 누리랩", "Naver invests_in 누리랩", "한빛인베스트먼트 invests_in 누리랩"});
}

TEST(ArticleFamilies, KoreanInvestmentsReceived) {
  Expect("누리랩은 카카오에게서 100억원을 투자 받았다.", "ko", {"Kakao invests_in 누리랩"});
  Expect("누리랩은 카카오와 네이버로부터 펀딩을 받았다.", "ko", {"Kakao invests_in 누리랩", "Naver invests_in 누리랩"});
}

TEST(ArticleFamilies, KoreanListWithADescribedMember) {
  // "A와 벤처캐피털 B가": the word saying what B is keeps the list together.
  Expect("리벨리온이 시리즈B 투자를 유치했다. 이번 투자에는 한빛인베스트먼트와 벤처캐피털 누리파트너스가 참여했다.", "ko",
         {"한빛인베스트먼트 invests_in Rebellions", "누리파트너스 invests_in Rebellions"});
}

TEST(ArticleFamilies, KoreanGenitiveStaysInItsClause) {
  // "X의 활동을 위해 Y는 지원할 것": X's belongs to the activity, across Y's own subject.
  Expect("김 회장은 \"네이버의 활동을 위해 카카오는 아낌없이 지원하겠다\"고 밝혔다.", "ko", {}, {"Naver backs Kakao"});
  Expect("네이버는 삼성전자의 적극적인 지원을 받았다.", "ko", {"Samsung Electronics backs Naver"});
}

TEST(ArticleFamilies, KoreanListsOfTitledPeopleAndDonations) {
  // "A사 대표 X, B사 창업자 Y 등": the list runs from person to person, past each title's
  // organisation; a donation (기부) backs what it created.
  Expect("오늘은 발표가 있었다.\n\n"
         "누리재단은 네이버 대표 홍길순, 루미랩스 창업자 나영진 등 업계 인사들의 기부로 설립된 비영리단체다.",
         "ko",
         {"홍길순 works_at Naver", "나영진 founded 루미랩스", "홍길순 backs 누리재단", "나영진 backs 누리재단"},
         {"Naver backs 누리재단", "루미랩스 backs 누리재단", "홍길순 backs Naver"});
  Expect("오늘은 발표가 있었다.\n\n행사에는 카카오 대표 홍길순, 네이버 부사장 나영진 등이 참석했다.", "ko",
         {"홍길순 works_at Kakao", "나영진 works_at Naver"}, {"홍길순 works_at Naver", "나영진 works_at Kakao"});
  // A short verb stem begins its word: "내세운" puts forward, it founds nothing.
  Expect("오늘은 발표가 있었다.\n\n카카오는 인재 확보를 내세운 누리랩스와 손잡았다.", "ko", {"Kakao partners_with 누리랩스"},
         {"Kakao founded 누리랩스"});
}

TEST(ArticleFamilies, KoreanTitleChainsAndRounds) {
  // "A의 CEO이자 B 공동 창업자인 X": X holds both titles; a stake bought is an investment; a
  // company closing its own "투자 라운드" invests in nobody.
  Expect("오늘은 발표가 있었다.\n\n카카오는 누리랩스의 CTO이자 루미랩스 공동 창업자인 홍길순을 영입했다.", "ko",
         {"홍길순 works_at 누리랩스", "홍길순 founded 루미랩스", "홍길순 works_at Kakao"});
  Expect("오늘은 발표가 있었다.\n\n카카오는 데이터센터용 칩을 개발하고 있다. 누리랩스도 5월 200억원 규모 시리즈B 투자 라운드를 마감했다.", "ko", {},
         {"누리랩스 invests_in Kakao"});
  Expect("오늘은 발표가 있었다.\n\n메타 플랫폼스(NAS:META)가 누리랩스의 지분 40%를 인수하는 계약을 체결했다.", "ko", {"Meta Platforms invests_in 누리랩스"});
}

TEST(ArticleFamilies, KoreanUnitsBeforePersonsDatesAndFoundedObjects) {
  // "ORG UNIT PERSON TITLE"; "협동조합" and "중앙회" end organisations' names; a date before a
  // comma is no list member ("지난 9월, MS는"); a quoted name with a gloss inside ("'로브(Lobe)'")
  // is named without it; the object of a founding verb after a kind word is a new organisation.
  Expect("오늘은 좋은 날이다.\n\n누리중앙회 서울지역본부 박승찬 본부장은 축사를 했다. 누리AI협동조합(이사장 최은수)은 출범했다.", "ko",
         {"박승찬 works_at 누리중앙회", "최은수 works_at 누리AI협동조합"});
  Expect("오늘은 좋은 날이다.\n\n지난 9월, MS는 AI 딥러닝 모델링 스타트업 '루미(Lumi)'를 인수했다.", "ko", {"Microsoft acquires 루미"},
         {"9월 acquires 루미", "Microsoft acquires 루미(Lumi)"});
  Expect("오늘은 좋은 날이다.\n\n한화그룹도 2021년 AI반도체 팹리스 누리칩스를 설립했다. 네이버는 새 회사를 설립했다.", "ko",
         {"Hanwha Group founded 누리칩스"}, {"Naver founded 회사"});
}

TEST(ArticleFamilies, KoreanCoFoundersWithTitlesQuotedAppsAndSpacedSuffixes) {
  // "A 대표와 B CTO 등이 공동 창업한": persons joined after their titles; a quoted name right
  // after a develops verb is a product ("출시한 ‘연애의 기술’"); a suffix written as a word of
  // its own ends the name before it ("누리온 게임즈"), not an adjective ("새로운 게임즈").
  Expect("오늘은 좋은 날이다.\n\n리벨리온은 지난 2020년 홍길순 대표와 나영진 최고기술책임자(CTO) 등이 공동 창업한 AI 반도체 스타트업이다.", "ko",
         {"홍길순 founded Rebellions", "나영진 founded Rebellions"});
  Expect("오늘은 좋은 날이다.\n\n앞서 카카오가 출시한 ‘연애의 기술’ 앱은 인기를 끌었다.", "ko", {"Kakao develops 연애의 기술"});
  Expect("오늘은 좋은 날이다.\n\n서민석 누리온 게임즈 대표는 말했다. 새로운 게임즈가 나왔다고 그는 말했다.", "ko", {"서민석 works_at 누리온 게임즈"},
         {"서민석 works_at 새로운 게임즈"});
}

TEST(ArticleFamilies, KoreanInvesteesListedAfterTheSentence) {
  // "투자한 기업은 △A △B △C다": the investees of the previous sentence's investor (the role
  // "after": unmarked names after the trigger); △ bullets make one list; a count ("5곳") names
  // nothing.
  Expect("오늘은 좋은 날이다.\n\n카카오벤처스는 올해 AI 스타트업 5곳에 투자했다. 투자한 기업은 △리벨리온 △퓨리오사AI △업스테이지다.", "ko",
         {"Kakao Ventures invests_in Rebellions", "Kakao Ventures invests_in FuriosaAI", "Kakao Ventures invests_in Upstage"},
         {"Kakao Ventures invests_in 5곳"});
}

TEST(ArticleFamilies, KoreanRoundsAndTopicTitles) {
  // Taking part in a company's round invests in the company named with 의.
  Expect("첫 문장이다. 누리벤처스는 이달 초 미국 로봇 스타트업 다온로보틱스의 시리즈A 투자에 참여했다.", "ko",
         {"누리벤처스 invests_in 다온로보틱스"});
  // A legal-form mark stands between a person and the organisation of the title.
  Expect("첫 문장이다. 김민수 ㈜카카오 대표도 지난해 미국 본사를 방문했다.", "ko", {"김민수 works_at Kakao"});
  // A person with a bare title right after the topic holds the title there ...
  Expect("첫 문장이다. 카카오는 김민수 대표가 직접 발표했다.", "ko", {"김민수 works_at Kakao"});
  // ... but not when another organisation names the title.
  Expect("첫 문장이다. 네이버는 김민수 카카오 대표와 만났다.", "ko", {"김민수 works_at Kakao"}, {"김민수 works_at Naver"});
}

TEST(ArticleFamilies, KoreanConsortiaNamedAfterTheirLeader) {
  // "KT 컨소시엄" is a consortium of its own; "이번 컨소시엄에는 A, B 등 총 N개 기업이 참여" lists
  // its members (the count after 등 is the list itself).
  Expect("첫 문장이다. 과기정통부는 KT 컨소시엄을 최종 선정했다. 이번 컨소시엄에는 LG유플러스, 슈퍼브AI, 퓨리오사AI 등 총 3개 기업이 참여했다.", "ko",
         {"LG Uplus member_of KT 컨소시엄", "Superb AI member_of KT 컨소시엄", "FuriosaAI member_of KT 컨소시엄"}, {"LG Uplus member_of KT"});
  Expect("첫 문장이다. SK텔레콤은 누리온 얼라이언스를 결성했다. 이번 얼라이언스에는 카카오, 네이버 등 5개사가 참여했다.", "ko",
         {"Kakao member_of 누리온 얼라이언스", "Naver member_of 누리온 얼라이언스"});
  // Any other subject after 등 is someone else's: the experts take part, not the companies.
  Expect("첫 문장이다. SK텔레콤은 누리온 얼라이언스를 결성했다. 이번 얼라이언스에는 카카오, 네이버 등 각 사 전문가가 참여했다.", "ko", {},
         {"Kakao member_of 누리온 얼라이언스"});
}

TEST(ArticleFamilies, KoreanUnitsDescribedByTheirParent) {
  // "ORG의 … 법인인 X", "ORG 계열인 X": X is part of ORG.
  Expect("첫 문장이다. 카카오의 벤처 투자 법인인 누리벤처스는 최근 투자를 늘렸다.", "ko", {"누리벤처스 part_of Kakao"});
  Expect("첫 문장이다. 네이버 계열인 누리클라우드도 참여했다.", "ko", {"누리클라우드 part_of Naver"});
  // A new legal entity set up by a company is no unit of the one named in the genitive of its place.
  Expect("첫 문장이다. 카카오는 미국 법인을 세웠다.", "ko", {}, {"Kakao part_of Kakao"});
  // AWS is a company of its own, part of Amazon.
  Expect("첫 문장이다. 아마존의 자회사인 아마존웹서비스는 새 칩을 내놨다.", "ko", {"Amazon Web Services part_of Amazon"});
}

TEST(ArticleFamilies, KoreanRoundsWithLongInvestorLists) {
  // "X가 유치한 투자금은 … A를 비롯해 ORG의 … 자회사 B, C, D 등이 참여했다": every investor invests
  // in X (the raiser named in the sentence, however long the list); only B is ORG's subsidiary.
  Expect("첫 문장이다. 누리로보틱스는 시리즈A 투자를 유치했다. 이번 투자에서 누리로보틱스가 유치한 투자금은 총 1억 달러로 "
         "LG테크놀로지벤처스를 비롯해 삼성전자의 투자 전문 자회사 삼성넥스트, 엔비디아, 아마존 등이 참여했다.",
         "ko",
         {"LG Technology Ventures invests_in 누리로보틱스", "Samsung Next invests_in 누리로보틱스", "Nvidia invests_in 누리로보틱스",
          "Amazon invests_in 누리로보틱스", "Samsung Next part_of Samsung Electronics"},
         {"Nvidia part_of Samsung Electronics", "Amazon part_of Samsung Electronics", "Nvidia invests_in LG Technology Ventures"});
}

TEST(ArticleFamilies, KoreanConsortiaFormedWithoutAName) {
  // "X는 … 컨소시엄을 꾸렸다": the consortium goes by X's name; bulleted members, written with
  // or without spaces, join it; a word before the first bullet is no member.
  Expect("첫 문장이다. 31일 카카오는 정부 사업에 참가하기 위해 4개 기관으로 컨소시엄을 꾸렸다고 밝혔다. "
         "컨소시엄에는 △고려대 △서울대△KAIST △MBC 등 4개 기관이 참여한다.",
         "ko",
         {"Kakao member_of 카카오 컨소시엄", "Korea University member_of 카카오 컨소시엄", "Seoul National University member_of 카카오 컨소시엄",
          "KAIST member_of 카카오 컨소시엄", "MBC member_of 카카오 컨소시엄"});
  std::set<std::string> found = families::Facts("첫 문장이다. 퓨리오사AI는 2017년 설립 직후 ▲네이버(5억원) ▲카카오(5억원) 등으로부터 10억원을 투자받았다.", "ko");
  for (const std::string& fact : found) EXPECT_EQ(fact.find("직후"), std::string::npos) << fact;
  EXPECT_EQ(found.count("Naver invests_in FuriosaAI"), 1u);
}

TEST(ArticleFamilies, KoreanObjectsWithDoAndRivals) {
  // After a subject, a name with only 도 is the object.
  Expect("첫 문장이다. 삼성전자는 이날 새로운 헬스케어 디바이스인 '갤럭시 링'도 공개했다.", "ko", {"Samsung Electronics develops Galaxy Ring"});
  // "ORG의 경쟁업체인 X" (a polite copula after X), and "최대 경쟁사인 X" after a sentence about ORG.
  Expect("첫 문장이다. 현재 엔비디아의 주요 공급업체는 삼성의 경쟁업체인 SK하이닉스입니다.", "ko", {"Samsung Group competes_with SK hynix"});
  Expect("첫 문장이다. 삼성전자는 갤럭시를 공개했다. 최대 경쟁사인 애플은 아직 생성형 AI를 아이폰에 탑재하지 못하고 있다.", "ko",
         {"Apple competes_with Samsung Electronics"});
}

TEST(ArticleFamilies, KoreanGenitiveWithBeforeAnAdjective) {
  // "X와의 새로운 파트너십": the adjective describes the noun; X stays an argument.
  Expect("첫 문장이다. 마이크로소프트(MS)는 오픈AI와의 새로운 파트너십 계약을 체결했다.", "ko", {"Microsoft partners_with OpenAI"});
  // "PRODUCT 개발사인 COMPANY": the maker, joined by a copula.
  Expect("첫 문장이다. 챗GPT 개발사인 오픈AI는 새 모델을 내놨다.", "ko", {"OpenAI develops ChatGPT"});
}

TEST(ArticleFamilies, KoreanFormerJobsAndWhoLeadsWhat) {
  // "PERSON 전 ORG TITLE": the person is found; the job is a past one, so no works_at.
  Expect("첫 문장이다. 박정민 전 산업통상자원부 장관이 리벨리온의 2대 주주가 됐다.", "ko", {"박정민 invests_in Rebellions"},
         {"박정민 works_at 산업통상자원부"});
  // The surname and title refer back to that person.
  Expect("첫 문장이다. 박정민 전 산업통상자원부 장관이 발표했다. 박 전 장관은 리벨리온에 투자했다.", "ko", {"박정민 invests_in Rebellions"});
  // "X 전 TITLE" right before the title: 전 may be the noun "before", so X is no person.
  EXPECT_TRUE(families::Facts("첫 문장이다. 이사회 전 대표가 카카오에 합류했다.", "ko").empty());
  // "PERSON이 이끄는 ORG": the person works there.
  Expect("첫 문장이다. 이번 투자에는 최동훈 회장이 이끄는 네이버가 참여했다.", "ko", {"최동훈 works_at Naver"});
  // ... not when the clause modifies a noun of its own before the name.
  Expect("첫 문장이다. 최동훈 회장이 이끄는 팀이 네이버와 협력했다.", "ko", {}, {"최동훈 works_at Naver"});
}

TEST(ArticleFamilies, KoreanDescriptionsAndAmountsAreNoNames) {
  // "투자한 금액은": an amount is no company; "국내 대표 로봇 전문기업인 X": a description, no person.
  Expect("첫 문장이다. 이번 거래에 추가로 투자한 금액은 약 2천억 원이다.", "ko", {}, {"Samsung Electronics invests_in 금액"});
  std::set<std::string> found = families::Facts("첫 문장이다. 삼성전자가 국내 대표 로봇 전문기업인 레인보우로보틱스의 최대주주가 됐다.", "ko");
  EXPECT_EQ(found.count("Samsung Electronics invests_in Rainbow Robotics"), 1u);
  for (const std::string& fact : found) EXPECT_EQ(fact.find("전문기업"), std::string::npos) << fact;
}

TEST(ArticleFamilies, KoreanGenitiveAgentOfAnAcquisition) {
  // "A의 B 인수": A acquires B, not the topic the sentence carries.
  Expect("첫 문장이다. 삼성전자는 로봇 사업을 한다. 앞서 현대자동차의 보스턴다이내믹스 인수가 시장을 키웠다.", "ko",
         {"Hyundai Motor Company acquires Boston Dynamics"}, {"Samsung Electronics acquires Boston Dynamics"});
  // Without a genitive the subject acquires.
  Expect("첫 문장이다. 삼성전자는 하만 인수를 마쳤다.", "ko", {"Samsung Electronics acquires Harman International"});
}

TEST(ArticleFamilies, KoreanQuotedNamesHoldingAKnownName) {
  // "‘의료 AI 얼라이언스(Alliance)’" is an alliance of its own, not the AI Alliance, and its gloss
  // teaches the AI Alliance nothing; "맺다" with an alliance makes a member.
  std::set<std::string> found = families::Facts("첫 문장이다. 카카오는 기업들과 ‘의료 AI 얼라이언스(Alliance)’를 맺었다. 네이버도 ‘의료 AI 얼라이언스’에 가입했다.", "ko");
  EXPECT_EQ(found.count("Kakao member_of 의료 AI 얼라이언스"), 1u);
  EXPECT_EQ(found.count("Naver member_of 의료 AI 얼라이언스"), 1u);
  EXPECT_EQ(found.count("Naver member_of AI Alliance"), 0u);
  // The AI Alliance itself is still found.
  Expect("첫 문장이다. 네이버는 ‘AI 얼라이언스’에 가입했다.", "ko", {"Naver member_of AI Alliance"});
}

TEST(ArticleFamilies, KoreanPeopleWithTheirAgeAndCountedLists) {
  // "NAME(AGE·TITLE)씨 등 5명이 공동 창업한 X": the person (and the counted list) founded X, not
  // the subject of the sentence before.
  Expect("첫 문장이다. 이 회사는 네이버가 주최한 대회에서 우승했다. 김민준(28·대표이사)씨 등 5명이 공동 창업한 ‘퀼로랩스’다.", "ko",
         {"김민준 founded 퀼로랩스"}, {"Naver founded 퀼로랩스"});
  Expect("첫 문장이다. 김민준(31)씨와 박서연(29)씨가 창업한 회사 리벨리온이 투자를 받았다.", "ko",
         {"김민준 founded Rebellions", "박서연 founded Rebellions"});
  // A connective ending (-지만) is no name of a list.
  std::set<std::string> found = families::Facts("첫 문장이다. MS는 독점권을 언급하지는 않았지만, MS가 대주주인 오픈AI의 GPT-4o를 현지화한다.", "ko");
  for (const std::string& fact : found) EXPECT_EQ(fact.find("않았지만"), std::string::npos) << fact;
  EXPECT_EQ(found.count("Microsoft invests_in OpenAI"), 1u);
}

TEST(ArticleFamilies, KoreanListsWithADescriptionPerItem) {
  // "A, 지도 개발 업체 B, 미국 AI 스타트업 C에 투자했다": each item may carry its own description.
  Expect("첫 문장이다. 네이버는 카카오, 지도 개발 업체 리벨리온, 미국 AI 스타트업 업스테이지에 투자했다.", "ko",
         {"Naver invests_in Kakao", "Naver invests_in Rebellions", "Naver invests_in Upstage"});
  // A clause after the comma ends the list.
  Expect("첫 문장이다. 네이버는 카카오, 새로 인수한 업체 리벨리온과 협력했다.", "ko", {}, {"Naver invests_in Kakao"});
}

TEST(ArticleFamilies, KoreanNamesAfterADescribedKindWord) {
  // "음성 인식 업체 사운드하운드": a kind word after a description of its own introduces a name.
  Expect("첫 문장이다. 네이버는 미국의 음성 인식 업체 퀼로사운드, 지도 개발 업체 노바맵스에 투자했다.", "ko",
         {"Naver invests_in 퀼로사운드", "Naver invests_in 노바맵스"});
  // ... but not a common word after it ("업체 가운데서", "업체 관계자").
  std::set<std::string> found = families::Facts("첫 문장이다. 네이버는 국내 반도체 업체 가운데서 리벨리온에 투자했다. 반도체 업체 관계자는 말했다.", "ko");
  for (const std::string& fact : found) EXPECT_EQ(fact.find("가운데"), std::string::npos) << fact;
  EXPECT_EQ(found.count("Naver invests_in Rebellions"), 1u);
}

TEST(ArticleFamilies, KoreanUnknownSubjectsSaidToBeOrganisations) {
  // An unknown subject said to be a start-up, or to raise money, is an organisation.
  Expect("아스테로모프는 지난달 라이트벤처스로부터 50억 원의 시드 투자를 유치했다.", "ko", {"라이트벤처스 invests_in 아스테로모프"});
  Expect("로드스타닷아이는 저우를 비롯한 사이언티스트 3명이 세운 스타트업이다. 로드스타닷아이는 이번에 한빛벤처스로부터 투자를 유치했다.", "ko",
         {"한빛벤처스 invests_in 로드스타닷아이"});
  // Common words and officials are no names.
  Expect("관계자는 한빛벤처스로부터 투자를 유치했다고 밝혔다.", "ko", {}, {"한빛벤처스 invests_in 관계자"});
  // A first word of an organisation named before is that organisation.
  Expect("미스트랄AI의 시드 투자는 라이트스피드 벤처파트너스가 주도했다. 라이트스피드는 초기 투자로 유명한 벤처캐피털이다.", "ko",
         {"Lightspeed Venture Partners invests_in Mistral AI"}, {"라이트스피드 invests_in Lightspeed Venture Partners"});
}

TEST(ArticleFamilies, KoreanNamesTaughtLaterAndAfterRelativeClauses) {
  // "A에서 스핀아웃한 X는 … 스타트업이다": X is a company even after the relative clause.
  Expect("한빛벤처스는 최근 마루랩스에 투자를 단행했다. 지난 2018년 SK텔레콤에서 스핀아웃한 마루랩스는 제조 AI를 만드는 기술 스타트업이다. "
         "이미 네이버, 현대자동차 등으로부터 투자를 받아 사업을 진행 중이다.",
         "ko", {"한빛벤처스 invests_in 마루랩스", "Naver invests_in 마루랩스"}, {"Naver invests_in 한빛벤처스"});
  // A title glossed in brackets names nobody.
  Expect("샘 올트먼 오픈AI 최고경영자(CEO)는 이번 협약을 긍정적으로 평가했다고 밝혔다.", "ko", {"Sam Altman works_at OpenAI"},
         {"OpenAI develops 최고경영자"});
}

TEST(ArticleFamilies, KoreanListsBeforeTheirKindAndLedRounds) {
  // "A·B·C 등 벤처캐피털로부터": the word after 등 says what the list is and lends it its particle;
  // it is no name. "A와 B가 주도한 시리즈D 펀딩에서 … 유치했다": A and B led the topic's round.
  Expect("마루랩스는 지난 2월 창업 이후 한빛벤처스·누리파트너스 등 벤처캐피털(VC)로부터 50억 원의 시드 투자를 유치했다.", "ko",
         {"한빛벤처스 invests_in 마루랩스", "누리파트너스 invests_in 마루랩스"}, {"벤처캐피털 invests_in 마루랩스"});
  Expect("마루랩스는 2일 한빛벤처스와 누리파트너스가 주도한 시리즈D 펀딩에서 700억원의 자금을 유치했다.", "ko",
         {"한빛벤처스 invests_in 마루랩스", "누리파트너스 invests_in 마루랩스"});
  // "참여기업은 A, B 등 N개사로 … 출자했다": the list is who invested, in the topic carried over.
  Expect("마루연구원은 지난 3월 정부와 대기업이 뜻을 모아 세운 연구기관이다. 참여기업은 삼성전자, 네이버 등 2개사로 각 30억원씩 출자했다.", "ko",
         {"Samsung Electronics invests_in 마루연구원", "Naver invests_in 마루연구원"});
  // A generic noun before a suffix written apart is no name: "국산 반도체를".
  Expect("네이버는 업무협약을 맺고 국산 반도체를 데이터센터에 적용하기로 했다.", "ko", {}, {"Naver partners_with 국산 반도체"});
}

TEST(ArticleFamilies, KoreanAffiliatesListedByTheirGroup) {
  // "A전자와 A디스플레이 등 각 계열사": each listed affiliate is part of the group whose name opens
  // its own; a list that is no affiliates says nothing of the kind.
  Expect("이번 기술은 LG전자와 LG디스플레이, LG유플러스 등 각 계열사에서도 활용할 계획이다.", "ko",
         {"LG Electronics part_of LG", "LG Display part_of LG", "LG Uplus part_of LG"});
  Expect("이번 기술은 LG전자와 LG디스플레이 등 고객사에서도 활용할 계획이다.", "ko", {}, {"LG Electronics part_of LG"});
}

TEST(ArticleFamilies, KoreanFoundersWithTitles) {
  // A founder named with a current title works where they founded.
  Expect("누리테크는 지난 2020년 김하늘 대표와 박서준 최고기술책임자(CTO) 등이 공동 창업한 AI 반도체 스타트업이다.", "ko",
         {"김하늘 founded 누리테크", "김하늘 works_at 누리테크", "박서준 founded 누리테크", "박서준 works_at 누리테크"});
}

TEST(ArticleFamilies, KoreanAffiliatesWithACount) {
  // "A·B 등 주요 계열사 7곳이": the affiliate noun may come two words after 등.
  Expect("올해 LG화학·LG유플러스 등 4개 계열사가 추가 출자를 결정했다.", "ko", {"LG Chem part_of LG", "LG Uplus part_of LG"});
}

TEST(ArticleFamilies, KoreanSuffixWordsAreNoPersons) {
  // "국내 대표 반도체 설계 기업": 대표 here is "leading", and 반도체 (a suffix word) names nobody.
  Expect("누리테크는 초기 투자를 유치한 데 힘입어 국내 대표 반도체 설계 기업으로 성장했다.", "ko", {},
         {"반도체 works_at 누리테크", "반도체 설계 works_at 누리테크"});
}

TEST(ArticleFamilies, KoreanBoundNounsAfterAdnominalTriggers) {
  // "X가 투자한 것으로 전해진다": 것 is what the clause modifies, neither a name nor the topic.
  Expect("노스윈드는 1700억원 규모의 투자를 유치했다. 이번 라운드에서는 하버캐피탈의 자회사 퀘리벤처스가 200억원을 투자한 것으로 전해진다.", "ko",
         {"퀘리벤처스 invests_in 노스윈드"}, {"퀘리벤처스 invests_in 것으", "퀘리벤처스 invests_in 것"});
}

TEST(ArticleFamilies, KoreanAlliancesMadeOfMembers) {
  // "X는 A, B 등 N개사로 구성됐다", "X는 A와 B로 구성됐다": each is a member of X.
  Expect("노스윈드 컨소시엄은 하버테크, 퀘리소프트, 오크필드 등 3개사로 구성됐다.", "ko",
         {"하버테크 member_of 노스윈드 컨소시엄", "퀘리소프트 member_of 노스윈드 컨소시엄", "오크필드 member_of 노스윈드 컨소시엄"});
  Expect("노스윈드 컨소시엄은 하버테크와 퀘리소프트로 구성됐다.", "ko",
         {"하버테크 member_of 노스윈드 컨소시엄", "퀘리소프트 member_of 노스윈드 컨소시엄"});
}

TEST(ArticleFamilies, KoreanInvestorsOfTheRoundInDiscourse) {
  // "A도 200억원을 투자했다" with no one named to receive it: the round's raiser, not a name of
  // the sentence before ("하버텔레콤과 파인은행이 각각 300억원씩" invested too).
  Expect("퀘리랩스는 최근 1700억원을 투자받았다. 이번 라운드에서는 전략적투자자 하버텔레콤과 파인은행이 각각 300억원씩, 오크캐피탈의 자회사 "
         "메이플벤처스가 200억원을 투자한 것으로 전해진다. 노스증권과 시더파트너스도 200억원을 투자했다.", "ko",
         {"메이플벤처스 invests_in 퀘리랩스", "노스증권 invests_in 퀘리랩스", "시더파트너스 invests_in 퀘리랩스"},
         {"노스증권 invests_in 하버텔레콤", "시더파트너스 invests_in 하버텔레콤"});
  // A topic that names its round raised it: the next sentence's investors are its own.
  Expect("노스윈드도 5월 210억원 규모 시리즈B 투자 라운드를 마감했다. 하버캐피탈 등이 투자했다. 퀘리랩스도 7월 145억원 프리A 시리즈를 "
         "마무리했다. 오크벤처스, 파인캐피탈 등이 투자했다.", "ko",
         {"오크벤처스 invests_in 퀘리랩스", "파인캐피탈 invests_in 퀘리랩스"}, {"오크벤처스 invests_in 노스윈드"});
  // Quoted speech and "투자 배경" name no investment of the speaker.
  Expect("퀘리랩스는 최근 1700억원을 투자받았다. 김민수 하버캐피탈 부사장은 “성장 가능성을 보고 투자를 결정했다”며 투자 배경을 설명했다.", "ko",
         {"김민수 works_at 하버캐피탈"}, {"김민수 invests_in 퀘리랩스"});
}

TEST(ArticleFamilies, KoreanListsLedByAnObjectAndDescribedMembers) {
  // "A, B를 비롯해 미국 금융사 C, 자산운용사 D 등이 참여한다": one list of the round's investors;
  // the first members are no targets of the others.
  Expect("퀘리랩스는 7억 달러 규모의 투자를 유치했다. 이 투자에는 LG전자, 현대차를 비롯해 미국 금융사 피델리티, 자산운용사 베일리 기포드 등이 "
         "참여한다.", "ko",
         {"LG Electronics invests_in 퀘리랩스", "Hyundai Motor Company invests_in 퀘리랩스", "Fidelity Investments invests_in 퀘리랩스",
          "Baillie Gifford invests_in 퀘리랩스"},
         {"Fidelity Investments invests_in LG Electronics", "Baillie Gifford invests_in Hyundai Motor Company"});
}

TEST(ArticleFamilies, KoreanProductsAfterDescribedCues) {
  // "A의 차세대 그래픽처리장치(GPU)인 'X'": the product word past its gloss and copula names X.
  Expect("HBM은 삼성전자의 차세대 그래픽처리장치(GPU)인 'N200'에 탑재된다.", "ko", {"Samsung Electronics develops N200"});
}

TEST(ArticleFamilies, KoreanNamesMeansAndRespectiveLists) {
  // "기업인 퀘리랩스에": a copula ends its word, so the name is 퀘리랩스 (not 퀘리랩 + 스에 nor a
  // cut before 인); "받았는데" is a verb, no list member; "X를 통해" is the means, no object;
  // "투자법인" is a kind of company, no act of investing.
  Expect("SK네트웍스는 미국 투자법인 하이코캐피탈을 통해 인공지능 기업인 퀘리랩스에 2200만달러를 투자했다고 밝혔다.", "ko",
         {"SK Networks invests_in 퀘리랩스"}, {"SK Networks invests_in 하이코캐피탈", "SK Networks invests_in 퀘리랩"});
  Expect("퀘리랩스는 지난달 투자를 받았는데, SK네트웍스는 여기에 투자금을 넣었다.", "ko", {}, {"받았는데 invests_in 퀘리랩스"});
  // "A와 B가 각각 C, D와 협력": A with C, B with D, never across; lists of different lengths relate nobody.
  Expect("LG에너지솔루션과 SK온이 각각 현대자동차, GM과 협력한다.", "ko",
         {"LG Energy Solution partners_with Hyundai Motor Company", "SK On partners_with GM"},
         {"LG Energy Solution partners_with GM", "SK On partners_with Hyundai Motor Company"});
  Expect("LG에너지솔루션과 SK온, 삼성SDI 등이 각각 현대자동차, GM 등과 협업을 강화하고 있다.", "ko", {},
         {"LG Energy Solution partners_with GM", "Samsung SDI partners_with Hyundai Motor Company"});
}

TEST(ArticleFamilies, KoreanFoundersNamedWithTitlesAndMadeProducts) {
  // "X는 P 대표가 설립한 스타트업이다": a person named with a bare title takes its particles (a gloss
  // may stand between), so P founded the topic; "서빙로봇 기업" describes a kind, no name; what a
  // relative clause of making modifies, glossed, is a product.
  Expect("퓨리오사AI는 AMD와 삼성전자 메모리사업부 등을 거친 백준호 대표가 2017년 4월 설립한 스타트업이다.", "ko", {"June Paik founded FuriosaAI"});
  Expect("퀘리로보틱스는 구글 출신 하정우 대표(미국명 존 하)가 2017년 설립한 서빙로봇 기업이다.", "ko", {"Ha Jung-woo founded 퀘리로보틱스"},
         {"Ha Jung-woo founded 서빙로봇", "퀘리로보틱스 founded 서빙로봇"});
  Expect("삼성전자가 개발한 퀘리봇(QUERYBOT)은 코딩 교육용 로봇이다.", "ko", {"Samsung Electronics develops 퀘리봇"});
}

TEST(ArticleFamilies, KoreanTitlesAPersonWasAppointedTo) {
  // "ORG 대표로 내정된 P": P works at ORG (so does one 선임된, 임명된 ...).
  Expect("KT 대표로 내정된 김하늘 내정자는 말했다.", "ko", {"김하늘 works_at KT"});
  Expect("네이버 대표로 선임된 최수연 대표는 말했다.", "ko", {"Choi Soo-yeon works_at Naver"});
}

TEST(ArticleFamilies, KoreanContrastiveTopics) {
  // "A는 X에, B는 Y에 …을 설립했다": each topic governs its own clause; neither founded the other.
  Expect("삼성SDI는 헝가리에, LG화학은 폴란드에 공장을 설립했다.", "ko", {}, {"LG Chem founded Samsung SDI", "Samsung SDI founded LG Chem"});
}

TEST(ArticleFamilies, KoreanRoundsAfterAnOutletTag) {
  // "[매체] X는 …투자를 유치했다": the tag does not hide the unknown subject; "A-B" lists two
  // investors; a new investor "참여했다" joins the round just raised, not the investor before.
  Expect("[한국경제] 누리랩스는 90억원 규모의 투자를 유치했다고 밝혔다. 이번 투자에는 기존 투자자인 카카오벤처스, 인탑스인베스트먼트-원익투자파트너스가 "
         "후속 투자했다. 하이투자파트너스가 신규 투자자로 참여했다.",
         "ko",
         {"Kakao Ventures invests_in 누리랩스", "인탑스인베스트먼트 invests_in 누리랩스", "Wonik Investment Partners invests_in 누리랩스",
          "Hi Investment Partners invests_in 누리랩스"},
         {"Hi Investment Partners invests_in Wonik Investment Partners"});
}

TEST(ArticleFamilies, KoreanListItemsWithDescriptions) {
  // "A와 전자상거래 업체 B는 C에 투자했다": a short description before the next item keeps the list.
  Expect("알파벳과 전자상거래 업체 아마존은 앤트로픽에 수십억 달러를 투자했다.", "ko",
         {"Alphabet Inc. invests_in Anthropic", "Amazon invests_in Anthropic"});
}

TEST(ArticleFamilies, KoreanRoundsNamedByTheirRaiser) {
  // "X의 시리즈B 투자에는 A와 B가 참여했다": the round's name may stand between its raiser and the cue.
  Expect("누리랩스의 시리즈B 투자에는 카카오벤처스와 네이버가 참여했다.", "ko", {"Kakao Ventures invests_in 누리랩스", "Naver invests_in 누리랩스"});
}

TEST(ArticleFamilies, KoreanQuotedNamesAfterACueHoldingAKnownName) {
  // "바이엘의 투자부문인 '하늘 바이 바이엘'": a quoted name after a cue word is one name even with
  // a known name inside it; the known name alone is no investor.
  Expect("누리랩스는 100억원 규모의 투자를 유치했다. 이 라운드는 바이엘의 투자부문인 '하늘 바이 바이엘'이 주도했다.", "ko",
         {"하늘 바이 바이엘 invests_in 누리랩스"}, {"Bayer invests_in 누리랩스"});
}

TEST(ArticleFamilies, KoreanBulletedInvestorsWithAmounts) {
  // "▲A 30억원 ▲B 12억원 ▲C 1억원 등 48억원을 유치했다": the bulleted list before the amount raised
  // names the investors, each with its share; an unknown bulleted name is one of them.
  Expect("누리랩스는 창업 직후 ▲산업은행 30억원 ▲카카오벤처스 12억원 ▲네이버 5억원 ▲하늘온 1억원 등 48억원을 유치했다.", "ko",
         {"Korea Development Bank invests_in 누리랩스", "Kakao Ventures invests_in 누리랩스", "Naver invests_in 누리랩스", "하늘온 invests_in 누리랩스"});
}

TEST(ArticleFamilies, KoreanMembersJoiningTheAllianceNamedBefore) {
  // "X는 'Y 얼라이언스'를 띄웠다. A, B 등 20여 개 기업이 합류했다": those who joined are members of the
  // alliance the text named last; 띄우다 launches one.
  Expect("누리랩스는 지난달 '하늘 얼라이언스'를 띄웠다. 현재 롯데이노베이트, 솔트룩스, 이스트소프트 등 20여 개 기업이 합류했다.", "ko",
         {"누리랩스 member_of 하늘 얼라이언스", "Lotte Innovate member_of 하늘 얼라이언스", "Saltlux member_of 하늘 얼라이언스", "ESTsoft member_of 하늘 얼라이언스"});
  // (No alliance named before: nobody is a member.)
  Expect("누리랩스는 신제품을 공개했다. 롯데이노베이트, 솔트룩스 등 53개사가 합류해 있다.", "ko", {}, {"Saltlux member_of 누리랩스"});
}

TEST(ArticleFamilies, KoreanConsortiumNamedByItsMembers) {
  // "A·B 컨소시엄이": a consortium named by all its members; they partner.
  Expect("첫 문장이다. 누리랩스·퓨리오사AI 컨소시엄이 베트남 병원에 의료 AI를 공급한다.", "ko", {"누리랩스 partners_with FuriosaAI"});
}

TEST(ArticleFamilies, KoreanListsOfTheKindTheyAreLike) {
  // "A, B, C 같은 기업들에도": the list takes the particle of the noun "같은" describes.
  Expect("카카오벤처스는 누리랩스, 업스테이지, 리벨리온 같은 기술 기업들에도 일찍 투자했다.", "ko",
         {"Kakao Ventures invests_in 누리랩스", "Kakao Ventures invests_in Upstage", "Kakao Ventures invests_in Rebellions"});
}

TEST(ArticleFamilies, KoreanNamesAmongThoseTheyAreIncludedIn) {
  // "A를 포함한 여러 투자자로부터": A is one of the investors the money came from, no object.
  Expect("누리랩스는 이달 카카오를 포함한 여러 투자자로부터 300억원을 유치했다.", "ko", {"Kakao invests_in 누리랩스"});
  Expect("누리랩스는 네이버를 비롯한 투자자들로부터 300억원을 유치했다.", "ko", {"Naver invests_in 누리랩스"});
}

TEST(ArticleFamilies, KoreanTopicOwnsVerbsAfterAFounderClause) {
  // "A는 B 대표가 창업해 C를 출시했다": B founded A; the launch is A's, not B's.
  Expect("누리랩스는 2019년 김하늘 대표가 창업해 추론용 칩 '누리온'을 내놓았다.", "ko",
         {"누리랩스 develops 누리온", "김하늘 founded 누리랩스"}, {"김하늘 develops 누리온"});
  // A common noun glossed by its abbreviation ("대규모언어모델(LLM)") is no product's name.
  Expect("누리랩스는 직접 만든 대규모언어모델(LLM) '누리온'을 공개했다.", "ko", {"누리랩스 develops 누리온"}, {"누리랩스 develops 대규모언어모델"});
}

}  // namespace
}  // namespace relgraph::importers
