// The article importer's pattern families in Chinese: what a family must find, and the
// distractors it must leave alone (helpers: article_families.h).
#include <gtest/gtest.h>

#include <string>

#include "common/text.h"
#include "tests/news/article_families.h"

namespace relgraph::importers {
namespace {

using families::Expect;
using families::Facts;

TEST(ArticleFamilies, ChineseListsWithAKnownMember) {
  // Unknown names listed beside known investors are investors too; "GGV纪源资本" is GGV.
  Expect("星河科技是一家芯片公司。本轮融资由腾讯领投，云岫、Northwind、GGV纪源资本、启光和红杉中国跟投。", "zh",
         {"Tencent invests_in 星河科技", "云岫 invests_in 星河科技", "Northwind invests_in 星河科技", "GGV Capital invests_in 星河科技",
          "启光 invests_in 星河科技"});
  // A chain of titles is no list of names.
  Expect("华东人工智能联盟副理事长、星河科技董事长王建国出席。", "zh", {"王建国 works_at 华东人工智能联盟"},
         {"华东人工智能联盟副理事长 invests_in 星河科技"});
}

TEST(ArticleFamilies, ChineseSubjectsAndOwners) {
  // An unknown name opening a sentence with an organisation's verb is a company; the next
  // sentence's "该公司" is that company.
  Expect("通用机器人公司云岫智能也于同日宣布完成2亿元A轮融资，由GGV纪源资本领投。\n\n该公司首席执行官周明远曾担任华为首席技术官。", "zh",
         {"GGV Capital invests_in 云岫智能", "周明远 works_at 云岫智能"},
         {"周明远 works_at Huawei"});  // 曾担任: a former job (no works_at, as everywhere else)
  // A person's name is no company; "今天" opens no name.
  Expect("李明宣布辞职。\n\n今天宣布了新的计划。", "zh", {}, {});
  // What a verb invests in or buys, the unit after "旗下的", a founder after "由".
  Expect("据报道，腾讯在今年三月投资了云岫智能。\n\n阿里巴巴在2019年以20亿美元收购了网易旗下的考拉。\n\n"
         "星河科技于2023年由周明远创立，总部位于北京。",
         "zh", {"Tencent invests_in 云岫智能", "Alibaba Group acquires 考拉", "考拉 part_of NetEase", "周明远 founded 星河科技"},
         {"Alibaba Group acquires NetEase"});
  // "A是B旗下的…公司": A belongs to B; the description names nobody.
  Expect("阿里云是阿里巴巴集团旗下的云计算公司。", "zh", {"Alibaba Cloud part_of Alibaba Group"}, {"云计算公司 part_of Alibaba Group"});
}

TEST(ArticleFamilies, TitlesInChineseChains) {
  Expect("华东人工智能联盟理事长、科大讯飞董事长王建国出席了会议。", "zh",
         {"王建国 works_at iFlytek", "王建国 works_at 华东人工智能联盟"});
  // Traditional characters are read as Simplified; names are kept as written.
  Expect("科大訊飛董事長王建國表示，公司將繼續投入。", "zh", {"王建國 works_at iFlytek"});
}

TEST(ArticleFamilies, CutParagraphsAreRead) {
  // A scrape cut in the middle of its only paragraph still has sentences to read.
  std::string text = "星河科技宣布完成新一轮融资。本轮融资由腾讯领投。公司表示，资金将用于研发和招聘，并在未来两年内继续扩大团队规模，同时";
  Expect(text, "zh", {"Tencent invests_in 星河科技"});
}

TEST(ArticleFamilies, ChinesePositionsHoldingsAndInvestorLists) {
  Expect("星河科技成立于2022年。李文博任联合创始人和CEO，负责公司运营。", "zh", {"李文博 founded 星河科技", "李文博 works_at 星河科技"});
  Expect("阿里巴巴通过全资子公司间接持有星河科技 12% 股份。", "zh", {"Alibaba Group invests_in 星河科技"});
  Expect("星河科技是一家芯片公司。本轮领投方有两家：启明创投和华山资本(下称“华山”)，老股东腾讯跟投。", "zh",
         {"Qiming Venture Partners invests_in 星河科技", "华山资本 invests_in 星河科技"});
  Expect("国家开发银行旗下的国开科技参与了本轮融资。", "zh", {"国开科技 part_of China Development Bank"});
}

TEST(ArticleFamilies, ChineseOrganisationsBeforeTitlesAndShortForms) {
  // "ORG TITLE PERSON" with organisations nobody knows, in a chain of titles.
  Expect("会上，星澜智能董事长兼CEO、云岫科技董事长傅明远分享了观点。", "zh",
         {"傅明远 works_at 星澜智能", "傅明远 works_at 云岫科技"});
  // The verb after a name is not part of it: "张一鸣表示" is 张一鸣 ... 表示.
  Expect("星澜智能CEO杜思远表示，公司将继续加大研发投入。", "zh", {"杜思远 works_at 星澜智能"}, {"杜思远表 works_at 星澜智能"});
  // A short form of a name found before is the same organisation; a count of things is no name.
  Expect("珠海星澜集团战略投资了云岫科技。\n\n云岫科技与星澜集团签署了合作协议。\n\n云岫科技已注册成立两家子公司。", "zh",
         {"珠海星澜集团 invests_in 云岫科技", "云岫科技 partners_with 珠海星澜集团"},
         {"云岫科技 partners_with 星澜集团", "云岫科技 founded 两家子公司"});
  // Investor lists after 参与者包括, through a dash.
  Expect("云岫科技宣布完成10亿元融资，参与者包括两家国资——杭州城投产业基金及上城资本。", "zh",
         {"杭州城投产业基金 invests_in 云岫科技", "上城资本 invests_in 云岫科技"});
}

TEST(ArticleFamilies, ChineseProductsDescribedByTheirMakers) {
  // "A与B联合研发的…“C”": both makers of the product the 的-phrase describes.
  Expect("4月17日，星澜智能与云岫科技联合研发的大语言模型“天枢”正式发布。", "zh",
         {"星澜智能 develops 天枢", "云岫科技 develops 天枢"});
  // "X是ORG开源的一款…模型": X is a product and ORG its maker.
  Expect("TianShu-Flash是京东开源的一款中型大语言模型，采用稀疏架构。", "zh", {"JD.com develops TianShu-Flash"});
  // A name in a place or time phrase ("在…大会上") is not the sentence's topic: the own
  // product belongs to the organisation that speaks.
  Expect("在云岫科技主办的开发者大会上，星澜智能通过自研大模型“天枢”展示了新能力。", "zh", {"星澜智能 develops 天枢"},
         {"云岫科技 develops 天枢"});
}

TEST(ArticleFamilies, ChineseFounderBehindOrganisationAndTitle) {
  // "其创始人为 ORG UNIT TITLE PERSON": the person founded the topic and works at the unit, a part
  // of the organisation.
  Expect("云岫科技成立于2016年,其创始人为北京大学计算机系系主任王磊。", "zh",
         {"王磊 founded 云岫科技", "王磊 works_at 北京大学计算机系", "北京大学计算机系 part_of Peking University"}, {"王磊 works_at 云岫科技"});
  // A unit written in traditional characters keeps the article's spelling.
  Expect("雲岫科技由清華大學電子工程系教授、系主任汪小玉發起,總部位於北京。", "zh",
         {"汪小玉 works_at 清華大學電子工程系"}, {"汪小玉 works_at 雲岫科技"});
  Expect("云岫科技由清华大学电子工程系教授李明创立,总部位于北京。", "zh", {"李明 founded 云岫科技", "李明 works_at 清华大学电子工程系"});
  Expect("云岫科技的创始人是赵宁,总部位于杭州。", "zh", {"赵宁 founded 云岫科技"});
}

TEST(ArticleFamilies, ChineseRoundsWithUnnamedLeadersAndFunds) {
  // "某…" names nobody; "联合投资" is investing, not a partnership; a known name followed by an
  // organisation word is an organisation of its own ("星河电子产业基金"); the old shareholders
  // after the new ones invest in the company the text is about, not in the new investors.
  const std::string text =
      "12月3日,云岫科技宣布完成超5亿元A轮融资。\n\n"
      "本轮由某互联网大厂领投,芯泉资本、腾讯产业基金、岚山信德及某头部VC机构联合投资,老股东青禾创投、北辰互娱持续加注。";
  Expect(text, "zh",
         {"芯泉资本 invests_in 云岫科技", "腾讯产业基金 invests_in 云岫科技", "岚山信德 invests_in 云岫科技", "青禾创投 invests_in 云岫科技",
          "北辰互娱 invests_in 云岫科技"},
         {"Tencent invests_in 云岫科技", "青禾创投 invests_in 芯泉资本", "芯泉资本 partners_with 岚山信德"});
  for (const std::string& fact : Facts(text, "zh")) {
    EXPECT_EQ(fact.find("某"), std::string::npos) << fact;
    EXPECT_FALSE(CheckUtf8(fact).has_value()) << "a name cut inside a character: " << fact;
  }
}

TEST(ArticleFamilies, ChineseAttributionIsNoTopic) {
  // "据X发布，Y宣布完成融资": the source X is not what the sentence is about; the round's
  // investors in the next sentence invest in Y.
  Expect("2024年8月,星河智能创始人王磊加入云岫科技。\n12月15日,据青禾创投发布,云岫科技宣布完成超5亿元融资。其中,芯泉资本领投,岚山资本联合投资。", "zh",
         {"芯泉资本 invests_in 云岫科技", "岚山资本 invests_in 云岫科技"}, {"芯泉资本 invests_in 青禾创投", "芯泉资本 invests_in 星河智能"});
}

TEST(ArticleFamilies, ChineseRegisteredNamesAndDeputies) {
  // "北京零一万物信息技术有限公司首席执行官X": the registered form is the known company.
  Expect("主题演讲环节,北京零一万物信息技术有限公司首席执行官王磊分享了前沿洞察。", "zh", {"王磊 works_at 01.AI"});
  // Deputies hold their title at the organisation named before it, not at the sentence's topic.
  Expect("9月17日,国务院新闻办公室举行发布会,国务院国资委主任赵宁、国务院国资委副主任李明介绍了情况。", "zh",
         {"赵宁 works_at State-owned Assets Supervision and Administration Commission",
          "李明 works_at State-owned Assets Supervision and Administration Commission"},
         {"李明 works_at State Council of the People's Republic of China"});
}

TEST(ArticleFamilies, ChineseSubsidiariesAndNamesAfterCopulas) {
  Expect("星河科技是云岫集团的全资子公司,总部位于北京。", "zh", {"星河科技 part_of 云岫集团"});
  Expect("云岫集团控股子公司星河科技表示,将扩大研发。", "zh", {"星河科技 part_of 云岫集团"});
  // A time word opens no name; "是…公司" describes, it names nobody.
  for (const std::string& fact : Facts("今天云岫集团发布了新芯片。星河科技是AI基础设施公司,总部位于北京。", "zh")) {
    EXPECT_EQ(fact.find("今天"), std::string::npos) << fact;
    EXPECT_EQ(fact.find("基础设施公司"), std::string::npos) << fact;
  }
}

TEST(ArticleFamilies, ChineseHoldingsThroughAVehicle) {
  // "X通过Y间接持有Z": Y is the holder of record.
  Expect("据悉，星河集团通过云岫资本间接持有澄心科技20%的股份。", "zh", {"云岫资本 invests_in 澄心科技"});
}

TEST(ArticleFamilies, ChineseShortNamesAfterVerbs) {
  // A two-character name right after a verb that takes it ("获得百度…", "联合腾讯…").
  Expect("星河科技获得百度战略投资。", "zh", {"Baidu invests_in 星河科技"});
  Expect("星河科技联合腾讯发布了新模型。", "zh", {"星河科技 partners_with Tencent"});
}

TEST(ArticleFamilies, ChineseAllianceMembers) {
  // Members listed after "成员包括", a lead (由X牵头) and participants (Y、Z参与).
  Expect("今天天气很好。星河人工智能产业联盟今日成立，首批成员包括百度、腾讯、云岫资本等20家单位。该联盟由华为牵头，小米、澄心科技公司参与。", "zh",
         {"Baidu member_of 星河人工智能产业联盟", "云岫资本 member_of 星河人工智能产业联盟", "Huawei member_of 星河人工智能产业联盟",
          "Xiaomi member_of 星河人工智能产业联盟"});
  // Taking part in a funding round is no membership.
  Expect("今天天气很好。百度参与了星河科技公司的B轮融资。", "zh", {}, {"Baidu member_of 星河科技公司"});
}

TEST(ArticleFamilies, ChineseFormerJobs) {
  // "曾任" is a past job: no works_at; the person is 王磊, not 王磊曾.
  Expect("星河科技发布了新的大模型产品。据悉，王磊曾任百度副总裁，后来加入星河科技。", "zh", {"王磊 works_at 星河科技"},
         {"王磊 works_at Baidu", "王磊曾 works_at Baidu"});
  Expect("星河科技发布了新的大模型产品。据悉，李娜现任百度副总裁，负责搜索业务。", "zh", {"李娜 works_at Baidu"});
}

TEST(ArticleFamilies, ChineseNamesTheLexiconHalfKnows) {
  // A known organisation written right before a new institute's name is part of that name.
  Expect("星河医药集团股份有限公司与北京大学武汉人工智能研究院于近日签署合作协议。", "zh",
         {"星河医药集团股份有限公司 partners_with 北京大学武汉人工智能研究院"},
         {"Peking University partners_with 星河医药集团股份有限公司", "Peking University partners_with 武汉人工智能研究院"});
  // A clause that opens with a name nobody knows has a subject: the previous topic is not it.
  Expect("星河科技股份有限公司发布了新产品。目前云岫中科已与百度控股子公司澄心文化建立了合作关系。", "zh", {},
         {"星河科技股份有限公司 partners_with Baidu"});
}

TEST(ArticleFamilies, AnAliasLearnedLaterKeepsEarlierRelationsWhole) {
  // A known entity learns an alias from a gloss after a relation used it: the batch still holds
  // the entity the relation names (this import was refused once).
  Expect("月之暗面创始人杨植麟近日接受了采访。\n\n星河智能是一家成立于2016年的公司,其创始股东为月之暗面(Kimi助手所属公司)的主要股东。", "zh",
         {"Yang Zhilin founded Moonshot AI"});
}

TEST(ArticleFamilies, ChineseDescriptionsBeforeNamesAndClauseLists) {
  // "收购德国语音识别公司Vantic": the description is no name, the Latin name after it is (in
  // lower case too); "A收购X,B收购Y": each name its own verb follows opens a clause.
  Expect("今天天气很好。\n\n3月,星河科技收购德国语音识别公司vantic.io,云岫资本收购日本机器人公司Norma Robotics;4月,百度收购美国芯片公司Quillo。",
         "zh", {"星河科技 acquires vantic.io", "云岫资本 acquires Norma Robotics", "Baidu acquires Quillo"},
         {"星河科技 acquires 云岫资本", "vantic.io acquires Norma Robotics", "星河科技 acquires 德国语音识别公司"});
}

TEST(ArticleFamilies, ChineseOwnersInsideLists) {
  // "A、B旗下C、D": the owner B qualifies C and stands outside the list (C is part of B); a
  // unit's suffix right after a known name names the unit ("上海交大基金会").
  Expect("今天天气很好。\n\n云岫智能有限公司完成了新一轮融资。参与本轮投资的包括星河资本、上海交大基金会旗下菡源资产、元禾控股等投资方。", "zh",
         {"星河资本 invests_in 云岫智能有限公司", "菡源资产 invests_in 云岫智能有限公司", "Oriza Holdings invests_in 云岫智能有限公司",
          "菡源资产 part_of 上海交大基金会"},
         {"上海交大基金会 invests_in 云岫智能有限公司", "Shanghai Jiao Tong University invests_in 云岫智能有限公司", "星河资本 invests_in 上海交大基金会"});
}

TEST(ArticleFamilies, ChineseFormerTitlesAndAcquisitionNouns) {
  // "原/前 ORG TITLE PERSON": a former job (no works_at), a founder still founded it; a short
  // name after 原 or 前 is read; "A完成了对B的收购": A acquires B.
  Expect("今天天气很好。\n\n原百度联合创始人王磊宣布创业。前美团总裁陈石加入星河科技。", "zh",
         {"王磊 founded Baidu", "陈石 works_at 星河科技"}, {"王磊 works_at Baidu", "陈石 works_at Meituan"});
  Expect("今天天气很好。\n\n美团完成了对星河科技的收购。", "zh", {"Meituan acquires 星河科技"});
}

TEST(ArticleFamilies, ChineseAllianceMemberListsOfSeveralKinds) {
  // A long institution's name may open with a field ("人工智能新兴产业联盟"); a bare 联盟 opening a
  // clause refers back to it; "成员单位…，包括A、B等企业，C等高校以及D、E等机构" is one list
  // (the cue keeps the clause, "等<kind>，" joins); a name ending in 投资 before 等 invests in
  // nobody.
  Expect("今天天气很好。\n\n王磊参加人工智能新兴产业联盟成立大会。此前联盟与星河科技签署了战略合作协议。"
         "联盟发起成员单位上百家,包括百度、阿里巴巴等知名企业,北京大学等著名高校以及云岫资本、将门投资等投资机构。",
         "zh",
         {"星河科技 partners_with 人工智能新兴产业联盟", "Baidu member_of 人工智能新兴产业联盟", "Alibaba Group member_of 人工智能新兴产业联盟",
          "Peking University member_of 人工智能新兴产业联盟", "云岫资本 member_of 人工智能新兴产业联盟"},
         {"Baidu invests_in 人工智能新兴产业联盟", "云岫资本 invests_in 人工智能新兴产业联盟"});
}

TEST(ArticleFamilies, ChineseMembersElectedToSeats) {
  // "A、B等当选副理事长单位": seats on the alliance the text is about.
  Expect("今天天气很好。\n\n长三角人工智能产业联盟在上海成立。联盟召开了第一次会员大会。星河科技有限公司、云岫资本、浙江大学等当选副理事长单位。", "zh",
         {"星河科技有限公司 member_of 长三角人工智能产业联盟", "云岫资本 member_of 长三角人工智能产业联盟", "Zhejiang University member_of 长三角人工智能产业联盟"});
}

TEST(ArticleFamilies, ChineseRoundParticipants) {
  // "A、B和C等参与了本轮融资": each invests in the company that raised the round, named before
  // in the sentence or in the sentence before.
  Expect("这是第一句。机器人初创企业星河智能,成立仅一年,已完成2亿元融资,腾讯、美团和小米等参与了本轮融资。", "zh",
         {"Tencent invests_in 星河智能", "Meituan invests_in 星河智能", "Xiaomi invests_in 星河智能"});
  Expect("这是第一句。星河智能宣布完成2亿元融资。腾讯和小米参与了本轮融资。", "zh", {"Tencent invests_in 星河智能", "Xiaomi invests_in 星河智能"});
  // Taking part in an event is no investment.
  Expect("这是第一句。星河智能宣布完成2亿元融资。腾讯参加了本届人工智能大会。", "zh", {}, {"Tencent invests_in 星河智能"});
}

TEST(ArticleFamilies, ChineseRelativeClausesAndListItems) {
  // "收购A创办的B": B is bought; A founded B; A is no argument of 收购.
  Expect("这是第一句。星河科技已完成收购云岫集团创办的机器人公司青松智能。", "zh", {"星河科技 acquires 青松智能", "云岫集团 founded 青松智能"},
         {"星河科技 acquires 云岫集团"});
  // "A与B联合研发的X": both made X, and they are partners.
  Expect("这是第一句。4月17日,星河科技与云岫集团联合研发的大模型“青松”正式发布。", "zh",
         {"星河科技 develops 青松", "云岫集团 develops 青松", "星河科技 partners_with 云岫集团"});
  // "收购A、B所持有的C的股份": C's shares are bought; A and B, the holders, are not.
  Expect("这是第一句。星河科技拟收购关联企业昆霞投资、云岫集团及其他转让方所持有的青松智能99%的股份。", "zh", {"星河科技 acquires 青松智能"},
         {"星河科技 acquires 云岫集团", "星河科技 acquires 昆霞投资"});
  // A list item after 旗下 is the unit; its owner is its parent.
  Expect("这是第一句。青松智能吸引了包括美的集团旗下美的资本、云岫集团旗下云岫创投等投资者。", "zh",
         {"美的资本 part_of Midea Group", "云岫创投 part_of 云岫集团"});
  // A count is no name, and 约 ends one.
  Expect("这是第一句。星河科技将合计持有锋龙股份约9398万股股份。", "zh", {"星河科技 invests_in 锋龙股份"}, {"锋龙股份 invests_in 万股股份"});
}

TEST(ArticleFamilies, ChineseRoundsThatAttractInvestors) {
  // "本轮融资吸引了…,包括A、B、C投资及D等": each invests in the raiser; a name may end in 投资.
  Expect("这是第一句。星河机器人宣布完成数亿元B轮融资。本轮融资吸引了电商巨头及多个地方政府产业引导基金,包括阿里巴巴、红杉中国、上汽投资及深创投等。", "zh",
         {"Alibaba Group invests_in 星河机器人", "HongShan invests_in 星河机器人", "上汽投资 invests_in 星河机器人",
          "Shenzhen Capital Group invests_in 星河机器人"},
         {"上汽 invests_in Shenzhen Capital Group"});
  // "由A、B以及C等多家机构联投": the list before 等多家机构 is the agent.
  Expect("这是第一句。青松智能完成超亿元天使轮融资,由联想创投、国投创合以及河南资产基金等多家机构联投。", "zh",
         {"Lenovo Capital invests_in 青松智能", "SDIC CHIC Fund Management invests_in 青松智能", "河南资产基金 invests_in 青松智能"});
}

TEST(ArticleFamilies, ChineseApps) {
  // An app launched is a product of the one who launched it.
  Expect("这是第一句。阿里巴巴推出千问App。蚂蚁集团推出灵光App,用户可以免费使用。", "zh", {"Alibaba Group develops 千问App", "Ant Group develops 灵光App"});
  // A description launched is no app: "推出了新一代大模型".
  std::set<std::string> found = families::Facts("这是第一句。阿里巴巴推出了新一代大模型。", "zh");
  for (const std::string& fact : found) EXPECT_EQ(fact.find("新一代"), std::string::npos) << fact;
}

TEST(ArticleFamilies, ChineseOutletsAndFramingClauses) {
  // The outlet that reports the news is no party to it, and a framing clause before the subject
  // does not hide it.
  Expect("这是第一句。就在这一节点上,《晚点 LatePost》独家获悉,月之暗面(Kimi)近期完成5亿美元C轮融资,阿里、腾讯、王慧文等投资方超额认购。", "zh",
         {"Alibaba Group invests_in Moonshot AI", "Tencent invests_in Moonshot AI", "Wang Huiwen invests_in Moonshot AI"},
         {"Alibaba Group invests_in LatePost"});
  // "作为X副总裁,Y表示": 作为 (as) marks no dative.
  Expect("这是第一句。作为地平线副总裁,余轶南表示,公司将继续投入。", "zh", {"余轶南 works_at Horizon Robotics"});
}

TEST(ArticleFamilies, ChineseJointInvestorsAndSubsidiaries) {
  // "联合参投": each investor of the list invests; they are no partners of each other.
  Expect("填充句子。星河科技完成A轮融资。该轮融资由云岫资本、五源资本联合领投，建银国际、招商证券等机构联合参投。", "zh",
         {"云岫资本 invests_in 星河科技", "5Y Capital invests_in 星河科技", "建银国际 invests_in 星河科技", "招商证券 invests_in 星河科技"},
         {"建银国际 partners_with 招商证券"});
  // "设立子公司X", "成立两家子公司：A和B": the units are part of the subject.
  Expect("填充句子。星河科技在杭州新设立子公司浙江星河新篇科技有限公司。", "zh", {"浙江星河新篇科技有限公司 part_of 星河科技"});
  Expect("填充句子。星河科技已注册成立两家子公司：珠海星河未来科技有限公司和珠海星河领航科技有限公司。", "zh",
         {"珠海星河未来科技有限公司 part_of 星河科技", "珠海星河领航科技有限公司 part_of 星河科技"});
  // "通过全资子公司间接持有X": X is held, not a subsidiary.
  Expect("填充句子。蚂蚁集团通过全资子公司间接持有旷视科技15%股份。", "zh", {}, {"Megvii part_of Ant Group"});
}

TEST(ArticleFamilies, ChineseSourcesAreNoParties) {
  // "根据X(gloss)数据": X starts after the opener and is a source; "该公司" later is not X.
  Expect("填充句子。星河科技发布新芯片。根据伦敦证券交易所集团(LSEG)数据，该公司市值上涨。该公司与竞争对手博通(Broadcom)展开竞争。", "zh",
         {"Broadcom competes_with 星河科技"}, {"Broadcom competes_with 根据伦敦证券交易所集团", "Broadcom competes_with LSEG"});
}

TEST(ArticleFamilies, ChineseAdverbsAreNoSubjects) {
  // "，再度完成…融资": the adverb before the verb is no company.
  std::set<std::string> found = families::Facts("填充句子。星河科技创始人王磊披露，再度完成5亿美元的融资，由红杉中国领投。", "zh");
  for (const std::string& fact : found) EXPECT_EQ(fact.find("再度"), std::string::npos) << fact;
}

TEST(ArticleFamilies, ChineseDatesAreNoSubjects) {
  // "6月11日就完成…": the date and the adverb before the verb are no company; the round's lead
  // invests in the text's company.
  Expect("填充句子。星河科技成立于2023年。2023年4月17日完成注册,6月11日就完成红杉中国领投的天使轮融资。", "zh",
         {"HongShan invests_in 星河科技"}, {"HongShan invests_in 6月11日"});
  // Dates alone before the verb: nothing, and no error.
  EXPECT_TRUE(families::Facts("填充句子。2023年4月17日,6月11日完成。", "zh").empty());
  EXPECT_TRUE(families::Facts("填充句子。2023年,6月11日2024年5号完成。", "zh").empty());
}

TEST(ArticleFamilies, ChineseRoundsReceivedAndMakersWrittenTogether) {
  // "获得(了)(来自)X(、Y等机构)(的)…融资/投资": the investors invest in the one who receives.
  Expect("填充句子。星河科技成立于2014年。当年11月，就获得了来自IDG资本的A轮数千万美元融资。", "zh", {"IDG Capital invests_in 星河科技"});
  Expect("填充句子。星河科技成立于2014年。2016年4月，获得万达集团、Star VC投资的数千万美元A+轮融资。", "zh",
         {"万达集团 invests_in 星河科技", "Star VC invests_in 星河科技"});
  Expect("填充句子。星河科技成立于2014年。2017年11月，又获得了高通数千万美元战略投资。", "zh", {"Qualcomm invests_in 星河科技"});
  // An award received is no investment, even when a round follows.
  Expect("填充句子。星河科技获得了国家科技奖，随后完成融资。", "zh", {}, {"国家科技奖 invests_in 星河科技"});
  // "阿里云通义千问": a product written right after its maker.
  Expect("填充句子。阿里云通义千问大模型表现出色。", "zh", {"Alibaba Cloud develops Qwen"});
}

TEST(ArticleFamilies, ChineseParentAndItsUnitListed) {
  // "A及其旗下B": both are members of the list, and B is part of A.
  Expect("填充句子。阿里巴巴及其旗下蚂蚁集团投资了月之暗面。", "zh",
         {"Alibaba Group invests_in Moonshot AI", "Ant Group invests_in Moonshot AI", "Ant Group part_of Alibaba Group"});
}

TEST(ArticleFamilies, ChineseDescriptionBeforeALatinName) {
  // "收购了芯片初创公司 Celestial AI": the description is no name; the Latin name after it is.
  Expect("填充句子。星河科技收购了芯片初创公司 Celestial AI。", "zh", {"星河科技 acquires Celestial AI"}, {"星河科技 acquires 芯片初创公司"});
}

TEST(ArticleFamilies, ChineseTitleBeforeAnAnaphorOfTheTopic) {
  // "该公司" later in the sentence stands for the topic, so the title before it is the topic's.
  Expect("星河机器人去年完成上市辅导。报告显示,公司实际控制人为创始人兼CEO林海峰,其通过一家合伙企业控制该公司10%股权。", "zh",
         {"林海峰 founded 星河机器人", "林海峰 works_at 星河机器人"});
}

TEST(ArticleFamilies, ChineseFollowOnListAfterAComma) {
  // "跟投，包括A、B、C": the list after the comma names the follow-on investors of the topic's round.
  Expect("星河机器人完成新一轮融资——云岫资本领投，另有多家产业方及老股东跟投，包括海川科技、东岳电气、蓝海创投等。", "zh",
         {"云岫资本 invests_in 星河机器人", "海川科技 invests_in 星河机器人", "东岳电气 invests_in 星河机器人", "蓝海创投 invests_in 星河机器人"},
         {"海川科技 invests_in 云岫资本"});
}

TEST(ArticleFamilies, ChineseAllianceSeatsAndFounders) {
  // "X组建Y联盟": X founds the alliance; "A、B成为联盟首批成员单位", "被授予联盟副理事长单位": seats
  // in the alliance the word 联盟 refers back to (not the association that set it up).
  Expect("江南软件行业协会组建江南人工智能产业联盟。"
         "云岫大学、海川信息集团有限公司、东岳实验室等近50家单位成为联盟首批成员单位。"
         "云岫大学、星河智谷科技有限公司等11家单位被授予联盟副理事长单位。",
         "zh",
         {"江南软件行业协会 founded 江南人工智能产业联盟", "云岫大学 member_of 江南人工智能产业联盟", "海川信息集团有限公司 member_of 江南人工智能产业联盟",
          "东岳实验室 member_of 江南人工智能产业联盟", "星河智谷科技有限公司 member_of 江南人工智能产业联盟"},
         {"云岫大学 member_of 江南软件行业协会"});
}

TEST(ArticleFamilies, ChineseInvestorListsByCategory) {
  // Investors listed by category ("VC机构包括…；产业资本包括…") and cornerstone investors are
  // the raiser's; the category words themselves name nobody.
  Expect("星河芯片完成数轮融资,投资方涵盖知名VC、产业资本以及个人。VC机构包括云岫创芯、东岳创投、海川资本等;产业资本包括腾讯投资、美团。", "zh",
         {"云岫创芯 invests_in 星河芯片", "东岳创投 invests_in 星河芯片", "海川资本 invests_in 星河芯片", "Tencent Investment invests_in 星河芯片", "Meituan invests_in 星河芯片"},
         {"产业资本 invests_in 星河芯片", "个人 invests_in 星河芯片"});
  Expect("商汤科技完成上市辅导。本次IPO,商汤科技引入了包括豪威集团、东岳电子等在内的16家基石投资者。", "zh",
         {"豪威集团 invests_in SenseTime", "东岳电子 invests_in SenseTime"});
}

TEST(ArticleFamilies, ChineseRoundsOfTheSentencesRaiser) {
  // "X宣布…完成了A轮融资,该轮融资由A、B、某某旗下C联合领投": the round is X's, and an owner before
  // the last item keeps the list whole.
  Expect("国产芯片创业一派火热,“中国英伟达”似乎正在诞生。11月25日,星河线程宣布研制了首颗全功能GPU,同时完成了20亿元A轮融资,"
         "该轮融资由云岫资本、海川资本、东岳国际旗下渤海基金联合领投。",
         "zh", {"云岫资本 invests_in 星河线程", "海川资本 invests_in 星河线程", "渤海基金 invests_in 星河线程"},
         {"云岫资本 invests_in Nvidia"});
}

TEST(ArticleFamilies, ChineseFoundersOfAnotherNameAreNotTheTopics) {
  // "腾讯投资了星河智能,后者由张三创立": the founder is the latter's, never the topic's.
  Expect("腾讯投资了星河智能,后者由张三创立。", "zh", {}, {"张三 founded Tencent"});
}

TEST(ArticleFamilies, ChineseShortNamesAfterTimeWords) {
  // A time word may stand right before a two-character name: "同时软银…".
  Expect("星河智能完成新一轮融资。同时软银宣布领投星河智能的下一轮融资,金额未披露。", "zh", {"SoftBank Group invests_in 星河智能"});
}

TEST(ArticleFamilies, ChineseFoundersWithACourtesyTitle) {
  // "由X博士创立": the courtesy title follows the founder's name.
  Expect("商汤科技由仇海宁博士创立,总部位于上海市。", "zh", {"仇海宁 founded SenseTime"});
}

TEST(ArticleFamilies, ChineseLeadInvestorNamedAfterTheRound) {
  // "领投为X", "领投的是X": X led the round of the company that raised it; a founder named in the
  // sentence invests in nobody ("跟投的有A、B" are investors, not invested in).
  Expect("星河智能创始人王明远披露,公司完成5亿元融资,领投为北辰资本的2亿元,跟投/超额认购的有腾讯、美团等老股东。", "zh",
         {"北辰资本 invests_in 星河智能", "Tencent invests_in 星河智能", "Meituan invests_in 星河智能"},
         {"王明远 invests_in Tencent", "王明远 invests_in 北辰资本", "王明远 invests_in 星河智能"});
  Expect("星河智能宣布完成新一轮融资，领投的是北辰资本。", "zh", {"北辰资本 invests_in 星河智能"});
  // "参与X的A轮投资": X's round; the noun 投资 after 轮 is no second investment.
  Expect("红杉中国参与了“星河智能”的B轮投资。", "zh", {"HongShan invests_in 星河智能"});
}

TEST(ArticleFamilies, ChineseCoInvestorsAndCourtesyTitles) {
  // "A携手B、C等投资D天使轮": A, B and C invest in D, whose name ends before its round; 携手 here
  // states no partnership. A joint launch still is one.
  Expect("2018年，北辰资本携手红杉中国、百度等投资星河智驾天使轮。", "zh",
         {"北辰资本 invests_in 星河智驾", "HongShan invests_in 星河智驾", "Baidu invests_in 星河智驾"},
         {"Baidu partners_with 北辰资本", "HongShan invests_in 北辰资本"});
  Expect("阿里巴巴携手腾讯发布新平台。", "zh", {"Alibaba Group partners_with Tencent"});
  // A person named by a courtesy title after the name founds what the sentence says.
  Expect("王明远教授回到家乡，在长沙创办星河智驾。", "zh", {"王明远 founded 星河智驾"});
  Expect("王明远博士于2019年创立了星河智能。", "zh", {"王明远 founded 星河智能"});
}

TEST(ArticleFamilies, SentencesReadAgainOnceANameIsKnown) {
  // The first sentence names 星河智驾 where nothing shows it is a name; the second teaches it (a
  // company that raised a round). The first is then read again and its investor counted.
  Expect("北辰资本此前已投资星河智驾。星河智驾宣布完成B轮融资，由云岫资本领投。", "zh",
         {"北辰资本 invests_in 星河智驾", "云岫资本 invests_in 星河智驾"});
}

TEST(ArticleFamilies, ChineseShortNamesAfterDatesAndVersionedProducts) {
  // A short name may follow a date in digits ("4月25日百度推出"); a version's tier is part of the
  // product's name ("…4.5 Turbo"); a Latin name before a description that ends in a product word
  // is a product ("Quill-Think-v2推理模型").
  Expect("4月17日字节发布Quill-Think-v2推理模型，4月25日百度推出星河大模型4.5 Turbo。", "zh",
         {"ByteDance develops Quill-Think-v2", "Baidu develops 星河大模型4.5 Turbo"});
}

TEST(ArticleFamilies, ChinesePersonsTakingAPost) {
  // "X担任ORG TITLE": X works at ORG, and X is a person (an organisation takes no post).
  Expect("王明远担任星河科技首席执行官，负责产品和技术。", "zh", {"王明远 works_at 星河科技"});
}

TEST(ArticleFamilies, ChineseOpeningClausesOfTimeAndLegalNames) {
  // "继获A、B入股后，X再获…": the list ends before its verb (B is no "B入股后"), the clause of time
  // shares the main clause's topic X, and "本轮融资" is X's round though adverbs stand between X
  // and 获.
  Expect("继去年获腾讯、百度入股后，星河科技于近日再获B轮融资，本轮融资由红杉中国领投，北辰资本、华为等跟投。", "zh",
         {"Tencent invests_in 星河科技", "Baidu invests_in 星河科技", "HongShan invests_in 星河科技", "北辰资本 invests_in 星河科技",
          "Huawei invests_in 星河科技"},
         {"Huawei invests_in Tencent", "HongShan invests_in Tencent", "北辰资本 invests_in Baidu"});
  // A legal name runs on through a rule's verb when only a business word follows it
  // ("…投资管理有限公司"), and a list item ends after a name's own 投资 before another stop word.
  Expect("腾讯子公司上海云岫投资管理有限公司领投，星河资本跟投。", "zh", {"上海云岫投资管理有限公司 part_of Tencent"},
         {"管理有限公司 part_of Tencent"});
  Expect("星河科技完成A轮融资，由北辰创投、云岫投资联合领投。", "zh", {"云岫投资 invests_in 星河科技", "北辰创投 invests_in 星河科技"});
}

TEST(ArticleFamilies, ChineseCommonNounObjects) {
  // "设立合资公司来开展X": the joint venture is what is set up; X, after another verb, is no object.
  Expect("星河科技与云岫集团宣布投资合作，并设立合资公司来开展北辰智驾量产。", "zh", {"星河科技 partners_with 云岫集团"},
         {"星河科技 founded 北辰智驾", "云岫集团 founded 北辰智驾"});
}

TEST(ArticleFamilies, ChineseCuedProductsAndRaisersWithoutInvestors) {
  // A product named after its product word with a number; a measure ("7nm") is no name.
  Expect("星河科技推出旗下首款7nm AI芯片云岫290。", "zh", {"星河科技 develops 云岫290"}, {"星河科技 develops 首款7nm"});
  Expect("星河科技和华为联合发布了国产万卡算力集群青松一号。", "zh", {"星河科技 develops 青松一号", "Huawei develops 青松一号"});
  // A sentence that says who raised a round makes it the round's raiser, though it names no
  // investor; "等多家资本深度参与" lists investors of the round.
  Expect("北辰动力近期完成了A+轮融资，投资方包括腾讯。云岫智能 Cloudpeak AI 完成5亿元Pre-A轮融资。本轮融资由红杉中国领投，"
         "招商局创投、广发信德等多家资本深度参与。", "zh",
         {"HongShan invests_in Cloudpeak AI", "广发信德 invests_in Cloudpeak AI"}, {"HongShan invests_in 北辰动力", "广发信德 invests_in 北辰动力"});
}

TEST(ArticleFamilies, ChineseDativesPronounsAndInvestorLists) {
  // "将向[description]X投资": X is invested in, though a description stands after 向; 将 here is
  // "will".
  Expect("9月23日，云岫集团表示，将向中国自动驾驶初创公司Northwind投资3亿美元。", "zh", {"云岫集团 invests_in Northwind"},
         {"Northwind invests_in 云岫集团"});
  // "X的投资方已包含了A、B": A and B invest in X.
  Expect("目前，Northwind的投资方已包含了腾讯、百度等巨头企业。", "zh", {"Tencent invests_in Northwind", "Baidu invests_in Northwind"},
         {"Northwind invests_in Tencent"});
  // "来自X的消息显示，…其已完成…融资": 其 is X; 来自 is no part of X's name.
  Expect("星河医疗正面临困境。8月16日，来自云岫科技的消息显示，今年7月末，其已完成新一轮融资，投资方包括红杉中国等。", "zh",
         {"HongShan invests_in 云岫科技"}, {"HongShan invests_in 星河医疗", "HongShan invests_in 来自云岫科技"});
}

TEST(ArticleFamilies, ChineseInvestmentNounsInNames) {
  // 投资 inside "风险投资", "创业投资", "产业投资基金" is a noun of a name, no verb: the round's
  // raiser invests in nobody.
  Expect("星河智能 Nebula AI 完成5亿元Pre-A轮融资。本轮融资由阿美风险投资旗下Prosperity7 Ventures领投。", "zh",
         {"Prosperity7 Ventures invests_in Nebula AI"}, {"Nebula AI invests_in Prosperity7 Ventures"});
}

TEST(ArticleFamilies, ChineseUnitsNamedAfterTheirOwner) {
  // "ORG旗下(的)NAME": a short word after 旗下 names a unit of ORG; a description that ends in a kind
  // word ("旗下自动驾驶公司") names none.
  Expect("阿里巴巴旗下的云岫宣布完成融资。", "zh", {"云岫 part_of Alibaba Group"});
  Expect("腾讯旗下自动驾驶公司宣布与星河科技达成战略合作。", "zh", {}, {"自动驾驶公司 part_of Tencent"});
}

TEST(ArticleFamilies, ChineseChinaArms) {
  // "X中国" before a title or a boundary is X's China arm, an organisation of its own; "X中国市场"
  // is a market.
  Expect("通用汽车执行副总裁兼通用汽车中国总裁王明远表示，将加大投入。", "zh", {"王明远 works_at 通用汽车中国"});
  Expect("英伟达中国市场份额下降。", "zh", {}, {});
}

TEST(ArticleFamilies, ChineseFieldWordsAndRoundParticipants) {
  // "人工智能" before a gloss is a field, and a verb of a rule ends a glossed name; "参与本轮融资的
  // 投资方包括A、B" lists the round's investors, never what the sentence's topic invested in.
  Expect("王慧文想拿5000万美元支持中国通用人工智能(AGI)事业。其他参与本轮融资的投资方包括红杉资本、腾讯等。", "zh", {},
         {"Wang Huiwen invests_in Sequoia Capital", "Wang Huiwen invests_in Tencent", "Sequoia Capital invests_in 中国通用人工智能"});
  Expect("星河智能完成A轮融资。其他参与本轮融资的投资方包括红杉资本、腾讯等。", "zh",
         {"Sequoia Capital invests_in 星河智能", "Tencent invests_in 星河智能"});
}

TEST(ArticleFamilies, ChineseTitlesHeldAtAnOrganisation) {
  // "P在ORG担任TITLE": P works there; "曾在" says the post is past.
  Expect("张建中在摩尔线程担任执行董事。", "zh", {"Zhang Jianzhong works_at Moore Threads"});
  Expect("张建中曾在百度担任副总裁。", "zh", {}, {"Zhang Jianzhong works_at Baidu"});
}

TEST(ArticleFamilies, ChinesePersonsBeforePressVerbs) {
  // A name ends before the verbs press releases put after names: "代表", "见证", "连续".
  Expect("星河科技副总裁岳坤见证签约。", "zh", {"岳坤 works_at 星河科技"});
  Expect("星河科技总经理刘涛代表双方签署协议。", "zh", {"刘涛 works_at 星河科技"}, {"刘涛代 works_at 星河科技"});
}

TEST(ArticleFamilies, ChineseCompanyWordsThatNameNone) {
  // "获取新公司的股权" (the new company), "接任公司董事会主席" (the company's post): no names.
  Expect("云岫科技是一家智能驾驶公司。去年,星河汽车与云岫科技签署投资备忘录,拟出资获取新公司的股权。", "zh", {},
         {"云岫科技 invests_in 取新公司", "星河汽车 invests_in 取新公司"});
}

TEST(ArticleFamilies, ChineseInvestorsNamedByACopula) {
  // "X成为了Y…的领投方", "X作为首轮领投方": X is the investor, never the one invested in.
  Expect("源码资本成为了光年之外A轮的领投方。", "zh", {"Source Code Capital invests_in Light Years Beyond"},
         {"Light Years Beyond invests_in Source Code Capital"});
  Expect("星河智能完成A轮融资。高瓴作为首轮领投方,持股比例最高。", "zh", {"Hillhouse Investment invests_in 星河智能"});
}

TEST(ArticleFamilies, ChineseCountedObjectsSpelledOutByAList) {
  // "投资了 N 家公司，分别是：A、B": the list after the count is what was invested in (ASCII
  // punctuation and spaces as scraped pages write them); "投资了A、B": the aspect particle opens
  // no name; "星河 Galaxy": a Han name with its Latin one is one item; "比亚迪半导体": a known name
  // with an organisation word is a company of its own.
  Expect("红杉中国共投资了 4 家公司,分别是:寒武纪、星河 Galaxy、云岫科技、比亚迪半导体。", "zh",
         {"HongShan invests_in Cambricon Technologies", "HongShan invests_in 星河", "HongShan invests_in 云岫科技",
          "HongShan invests_in 比亚迪半导体"},
         {"HongShan invests_in BYD"});
  Expect("红杉中国投资了寒武纪、云岫科技、星河智能等公司。", "zh",
         {"HongShan invests_in 云岫科技", "HongShan invests_in 星河智能"}, {"HongShan invests_in 了寒武纪"});
  Expect("红杉中国投资了三家公司,云岫科技表示感谢。", "zh", {}, {"HongShan invests_in 云岫科技"});
}

TEST(ArticleFamilies, ChineseRespectiveListsAndCounts) {
  // "A和B分别投资了C和D": A in C, B in D; "十余家芯片公司" is a count, no name.
  Expect("腾讯和阿里巴巴分别投资了星河科技和云岫科技。", "zh", {"Tencent invests_in 星河科技", "Alibaba Group invests_in 云岫科技"},
         {"Tencent invests_in 云岫科技", "Alibaba Group invests_in 星河科技"});
  Expect("目前,红杉中国共投资了十余家芯片公司。", "zh", {}, {"HongShan invests_in 十余家芯片公司"});
}

TEST(ArticleFamilies, ChineseDescriptionsAndOwnersThatNameNone) {
  // "轮值董事长" is a chairman's title (rotating); an owner after a verb owns its object ("支持X的
  // 发展目标" backs nobody); "机器人公司" and "促进地方政府" are descriptions, no names.
  Expect("中国移动董事长杨杰与华为轮值董事长徐直军出席签约仪式。", "zh", {"Eric Xu works_at Huawei"}, {"Eric Xu works_at China Mobile"});
  Expect("他表示,华为将始终支持中国移动的发展目标。", "zh", {}, {"China Mobile backs Huawei"});
  Expect("智元机器人和上市公司联合成立机器人公司。", "zh", {}, {"AgiBot founded 机器人公司"});
  Expect("此举旨在促进地方政府、先导区与企业之间的交流合作。", "zh", {}, {"促进地方政府 partners_with 先导区"});
}

TEST(ArticleFamilies, ChineseUnitsListedAfterTheirParent) {
  // "PARENT旗下的A、B": both are units of the parent; "X的子公司Y": X only says whose Y is; a bare
  // "等，" ends a list ("A、B等，C旗下的D投资的E" : C's unit D invests, A and B do not).
  Expect("联想控股旗下的君联资本、联想之星投资了星河科技。", "zh",
         {"Legend Capital part_of Legend Holdings", "Legend Star part_of Legend Holdings", "Legend Capital invests_in 星河科技",
          "Legend Star invests_in 星河科技"});
  Expect("红杉中国投资了云岫科技的子公司北辰智能。", "zh", {"HongShan invests_in 北辰智能"}, {"HongShan invests_in 云岫科技"});
  Expect("红杉中国投资了寒武纪、星河科技等,联想控股旗下的君联资本投资的云岫科技已经上市。", "zh", {"Legend Capital invests_in 云岫科技"},
         {"Cambricon Technologies invests_in 云岫科技", "星河科技 invests_in 云岫科技"});
}

TEST(ArticleFamilies, ChineseMoneyRaisedFromInvestorsAndTaiwaneseTitles) {
  // "X自A、B等金主募得3亿美元", "X从A募得": the investors invest in X; 執行長 and 財務長 are titles.
  Expect("元戎啟行自阿里巴巴、吉利等金主募得3億美元。", "zh", {"Alibaba Group invests_in DeepRoute.ai", "Geely invests_in DeepRoute.ai"});
  Expect("星河科技从红杉中国募得5000万元。", "zh", {"HongShan invests_in 星河科技"});
  Expect("輝達財務長Colette Kress表示營收成長。", "zh", {"Colette Kress works_at Nvidia"});
}

TEST(ArticleFamilies, ChineseNamesThatOnlyDescribeANoun) {
  // "以X为主的算力": X describes the compute, no subject of the verbs after it.
  Expect("微软然后购买以英伟达为主的算力,投资或绑定OpenAI、Anthropic等AI明星公司。", "zh",
         {"Microsoft invests_in OpenAI", "Microsoft invests_in Anthropic"}, {"Nvidia invests_in OpenAI"});
}

TEST(ArticleFamilies, ChineseDealsListedOneAfterAnother) {
  // "A收购B、C收购D": each name its own verb follows opens a clause; nobody acquires across the
  // items. "吸收合并" is an acquisition too.
  Expect("填充句子。今年的并购包括百度收购星河科技、阿里巴巴收购云岫科技等。", "zh",
         {"Baidu acquires 星河科技", "Alibaba Group acquires 云岫科技"},
         {"Baidu acquires Alibaba Group", "星河科技 acquires 云岫科技"});
  Expect("填充句子。星河科技将通过换股吸收合并云岫科技。", "zh", {"星河科技 acquires 云岫科技"});
}

TEST(ArticleFamilies, ChineseTitlesHeldRespectively) {
  // "A和B，他们分别是C和D的创始人": A founded C and B founded D, never across.
  Expect("填充句子。昨天出席论坛的是李彦宏和马化腾，他们分别是百度和腾讯的创始人。", "zh", {"Robin Li founded Baidu", "Ma Huateng founded Tencent"},
         {"Robin Li founded Tencent"});
}

TEST(ArticleFamilies, ChineseSubjectAfterARelativeClauseRaisesTheRound) {
  // "P创办的AI公司X(简称“Y”)宣布完成…融资。该轮融资由A领投": the names in the relative clause
  // describe X, which raised the round; the gloss and the description are no part of X's name;
  // "A16Z" is a16z written in capitals.
  Expect("填充句子。前百度首席科学家王明创办的AI公司星河科技(简称“星河”)宣布完成2亿元A轮融资。该轮融资由A16Z领投,英伟达等参投。", "zh",
         {"Andreessen Horowitz invests_in 星河科技", "Nvidia invests_in 星河科技", "王明 founded 星河科技"}, {"Nvidia invests_in Baidu"});
}

TEST(ArticleFamilies, ChineseSuppliersAndCustomersAsPredicates) {
  // "A是B的(电池)供应商", "B的主力供应商是A", "A的主要客户是B", "B是A的客户": A supplies B; a
  // genitive further back, or past another name, owns nothing here.
  Expect("填充句子。小鹏汽车的主力供应商是中航锂电。", "zh", {"CALB supplies XPeng"});
  Expect("填充句子。宁德时代是特斯拉的电池供应商。", "zh", {"CATL supplies Tesla"});
  Expect("填充句子。国轩高科的主要客户是上汽通用五菱。", "zh", {"Gotion High-Tech supplies SAIC-GM-Wuling"});
  Expect("填充句子。特斯拉是宁德时代的客户。", "zh", {"CATL supplies Tesla"});
  Expect("填充句子。前四名被专供特斯拉的LG和主要客户是上汽通用五菱的国轩高科占据。", "zh", {},
         {"Tesla supplies Gotion High-Tech", "SAIC-GM-Wuling supplies Gotion High-Tech"});
}

TEST(ArticleFamilies, ChineseBareHeadNounsNameNobody) {
  // "联盟副理事长P", "市委书记P": a bare 联盟 or 市委 is an anaphor or a description, never a name
  // of its own.
  Expect("填充句子。星河人工智能产业联盟今天成立。联盟副理事长王明主持会议。", "zh", {}, {"王明 works_at 联盟"});
  Expect("填充句子。市委书记王明指出,要拥抱人工智能。", "zh", {}, {"王明 works_at 市委"});
}

TEST(ArticleFamilies, ChineseRoundsReceivedWithAOneCharacterVerb) {
  // "X获A数千万元天使轮投资": 获 alone receives a round; 获悉 learns of one.
  Expect("填充句子。星河科技获腾讯数千万元天使轮投资。", "zh", {"Tencent invests_in 星河科技"});
  Expect("填充句子。星河科技获悉腾讯计划投资。", "zh", {}, {"Tencent invests_in 星河科技"});
}

TEST(ArticleFamilies, ChineseFoundersListedAfterWhatTheFoundingReliesOn) {
  // "X依托Y，由A、B、C和D联合发起": Y is what X relies on (no founder, no founded); a long item
  // opening with a known name and ending in a unit word is a unit of its own ("中国工业和信息化部
  // 数字经济合作中心"), whose "合作" is no partnership; "和" inside a known name joins nothing;
  // "微软(中国)有限公司" is Microsoft.
  Expect("填充句子。长江智能产业联盟依托星河促进会,由清华大学、北京大学、中国工业和信息化部数字经济合作中心和微软(中国)有限公司联合发起成立。", "zh",
         {"Tsinghua University founded 长江智能产业联盟", "Peking University founded 长江智能产业联盟", "Microsoft founded 长江智能产业联盟",
          "中国工业和信息化部数字经济合作中心 founded 长江智能产业联盟"},
         {"Tsinghua University founded 星河促进会", "Microsoft partners_with Ministry of Industry and Information Technology",
          "Ministry of Industry and Information Technology founded 长江智能产业联盟"});
}

TEST(ArticleFamilies, ChinesePersonsAfterTitlesInAnyScript) {
  // A Latin name right after a Chinese title is a person ("星河科技的创始人Alex Smola"); a Han
  // name may be followed by 则 ("首席科学家王磊则认为…"); "可能加入" is no fact.
  Expect("星河科技的创始人Jane Morrow曾在谷歌工作。", "zh", {"Jane Morrow founded 星河科技"});
  Expect("星河科技首席科学家王磊则认为开源更重要。", "zh", {"王磊 works_at 星河科技"});
  Expect("填充句子。李沐可能加入了星河科技。", "zh", {}, {"Mu Li works_at 星河科技"});
}

TEST(ArticleFamilies, ChineseUnitsDescribedInBrackets) {
  // "X(Y旗下子公司)": X is Y's unit, X (not Y) is the list's member; "X(Y母公司)": Y is X's; "Y旗下
  // 子公司" is no name; "朱一明是兆易创新的创始人": a new name before a copula holds the title.
  Expect("星河科技完成B轮融资。参与本轮融资的包括云岫信托(工商银行旗下子公司)、腾讯和百度。", "zh",
         {"云岫信托 invests_in 星河科技", "Tencent invests_in 星河科技", "Baidu invests_in 星河科技", "云岫信托 part_of Industrial and Commercial Bank of China"},
         {"Industrial and Commercial Bank of China invests_in 星河科技", "工商银行旗下子公司 invests_in 星河科技"});
  Expect("填充句子。星河集团(云岫科技母公司)参与了本轮融资。", "zh", {"云岫科技 part_of 星河集团"});
  Expect("填充句子。王磊是云岫科技的创始人。", "zh", {"王磊 founded 云岫科技"});
}

TEST(ArticleFamilies, ChineseSpeechNamesNoPartyOfTheActAfterIt) {
  // "他提出“做中国版的OpenAI”,设立X": a name inside quoted speech is no founder of what is set
  // up outside it; a quoted name alone still is a name ("子公司“星辰”").
  Expect("填充句子。他提出“做中国版的OpenAI”,设立北京云岫科技有限公司。", "zh", {}, {"OpenAI founded 北京云岫科技有限公司"});
}

TEST(ArticleFamilies, ChineseListItemsOpeningWithAStopWord) {
  // "均达电子" opens with 均 ("all"), a word that ends list items elsewhere; at an item's start it is
  // the name's own.
  Expect("摩尔线程此次上市共引入德赛西威、均达电子等9家基石投资者。", "zh", {"Desay SV invests_in Moore Threads", "均达电子 invests_in Moore Threads"});
}

TEST(ArticleFamilies, ChineseTakingControlIsAnAcquisition) {
  // "X入主Y": X takes control of Y, and the verb ends the names on both sides.
  Expect("填充句子。星河科技近日入主云岫股份,成为其控股股东。", "zh", {"星河科技 acquires 云岫股份"});
}

TEST(ArticleFamilies, ChineseDescriptionsOfPartiesAreNoNames) {
  // "头部央企", "地方基金" describe kinds of investors; the named ones in the list still invest.
  Expect("星河科技完成B轮融资,投资方包括头部央企、地方基金、腾讯和百度。", "zh", {"Tencent invests_in 星河科技", "Baidu invests_in 星河科技"},
         {"头部央企 invests_in 星河科技", "地方基金 invests_in 星河科技"});
}

TEST(ArticleFamilies, ChinesePartnerLists) {
  // "合作伙伴包括/涵盖A、B": each listed firm partners the subject.
  Expect("星河科技的合作伙伴包括爱奇艺和哔哩哔哩。", "zh", {"iQIYI partners_with 星河科技", "Bilibili partners_with 星河科技"});
}

TEST(ArticleFamilies, ChineseRoundOfAnUnnamedRaiser) {
  // "X旗下自动驾驶公司宣布完成…融资，投资方包括…": a company the text does not name raised the
  // round; the investors put no money into the company of the sentence before.
  Expect("云岫科技完成5亿元A轮融资。星河科技旗下一家自动驾驶公司宣布完成20亿元D轮融资，投资方包括腾讯、广汽集团。", "zh", {},
         {"Tencent invests_in 云岫科技", "GAC Group invests_in 云岫科技"});
  Expect("云岫科技完成5亿元A轮融资，投资方包括腾讯、广汽集团。", "zh", {"Tencent invests_in 云岫科技", "GAC Group invests_in 云岫科技"});
}

TEST(ArticleFamilies, ChineseWorkingBodiesInsideAnOrganisation) {
  // "X联盟产业数据组": a working group inside the alliance is not the alliance.
  Expect("百度、华为等单位共同发起成立AIIA联盟产业数据组。", "zh", {}, {"Baidu founded Artificial Intelligence Industry Alliance"});
  Expect("百度、华为等单位共同发起成立AIIA联盟。", "zh", {"Baidu founded Artificial Intelligence Industry Alliance"});
}

TEST(ArticleFamilies, ChinesePinyinReadingsAreNoText) {
  // Pages that print the reading after a character ("英偉達(dá)") split names; the readings go,
  // and ordinary brackets stay ("(简称X)").
  Expect("英偉達(dá)CEO黃仁勛表示，產(chǎn)業(yè)需求仍然强劲。", "zh", {"Jensen Huang works_at Nvidia"});
  Expect("摩爾(ěr)線程(chéng)宣布完成新一輪融資，由騰(téng)訊領投。", "zh", {"Tencent invests_in Moore Threads"});
  Expect("星河科技(简称“星河”)宣布完成A轮融资，由腾讯领投。", "zh", {"Tencent invests_in 星河科技"});
}

}  // namespace
}  // namespace relgraph::importers
