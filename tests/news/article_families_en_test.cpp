// The article importer's pattern families in English: what a family must find, and the
// distractors it must leave alone (helpers: article_families.h).
#include <gtest/gtest.h>

#include <string>

#include "tests/news/article_families.h"

namespace relgraph::importers {
namespace {

using families::Expect;
using families::Facts;

TEST(ArticleFamilies, EnglishNamesNobodyKnows) {
  // Capitalised runs are names: companies, a person by a first name, a product after "released".
  Expect("On Monday, Microsoft said it acquired Quillo Systems, a company that builds voice assistants.", "en",
         {"Microsoft acquires Quillo Systems"}, {"Microsoft acquires Monday"});
  Expect("Vantic Labs rival StackNova raised $40 million in a round led by Teachers' Harbor Fund.", "en",
         {"Teachers' Harbor Fund invests_in StackNova"}, {"Harbor Fund invests_in Teachers"});
  Expect("zPilot, a robotics startup, released Norma to warehouse customers.", "en", {"zPilot develops Norma"});
  // Places, months and nationalities name nobody.
  Expect("Quillo Systems opened an office in San Francisco in March.", "en", {}, {"Quillo Systems partners_with San Francisco"});
}

TEST(ArticleFamilies, AppositionsAndMemberLists) {
  // A participle aside is about the name before it, which is the subject of the sentence's verb.
  Expect("Norma Labs, owned by the fund Harbor Lane, released Quill in May.", "en", {"Norma Labs develops Quill", "Norma Labs part_of Harbor Lane"},
         {"Harbor Lane develops Quill"});
  Expect("Quillo, founded by Ada Novak in 2020, raised $20 million from Oakfield Partners.", "en",
         {"Ada Novak founded Quillo", "Oakfield Partners invests_in Quillo"});
  // Members listed after "members include" or counted "as members".
  Expect("Intel and Sony formed the Open Chip Alliance last year. The alliance's members include AMD, Arm and Vantic Labs.", "en",
         {"AMD member_of Open Chip Alliance", "Vantic Labs member_of Open Chip Alliance", "Intel member_of Open Chip Alliance"});
  Expect("The Open Chip Alliance counts Google and Anthropic as members.", "en", {"Google member_of Open Chip Alliance"});
}

TEST(ArticleFamilies, InvestorListsInEnglish) {
  // Known and unknown investors after "including", a longer name over a known one inside it,
  // and an aside whose company is no recipient.
  Expect("Quorra AI, a startup that competes with Microsoft-backed OpenAI, said it raised $90 million from investors, "
         "including Nvidia, Harbor Lane Capital, Oakfield and Samsung Next.",
         "en",
         {"Nvidia invests_in Quorra AI", "Harbor Lane Capital invests_in Quorra AI", "Oakfield invests_in Quorra AI",
          "Samsung Next invests_in Quorra AI", "Microsoft invests_in OpenAI"},
         {"Nvidia invests_in OpenAI", "Samsung invests_in Quorra AI"});
  // A sentence with no subject belongs to the previous one's company; "led by" lists.
  Expect("Quorra AI makes chips for data centers.\n\nBackers include Harbor Lane Capital, Oakfield Partners and Intel.\n\n"
         "The company raised $40 million last year in a round led by Intel, Jane Park, and new investor AMD.",
         "en",
         {"Harbor Lane Capital invests_in Quorra AI", "Oakfield Partners invests_in Quorra AI", "Intel invests_in Quorra AI",
          "AMD invests_in Quorra AI"});
  // "led by" someone's former staff does not make their employer an investor.
  Expect("Quorra AI, led by former researchers at Google, is growing fast.", "en", {}, {"Google invests_in Quorra AI"});
}

TEST(ArticleFamilies, AnaphorsAndDescriptions) {
  // "the startup" is not the subject of its own clause but the company the text is about.
  Expect("Anthropic's Claude competes with OpenAI's ChatGPT.\n\nGoogle has also invested in the startup.", "en",
         {"Google invests_in Anthropic"}, {"Google invests_in OpenAI", "Google invests_in Google"});
  // A preposition reaches its names across a short description.
  Expect("Amazon holds a stake in Anthropic, which was founded by former OpenAI executives Dario Amodei and Daniela Amodei.", "en",
         {"Dario Amodei founded Anthropic", "Daniela Amodei founded Anthropic"}, {"OpenAI founded Anthropic"});
}

TEST(ArticleFamilies, EnglishProductsIntroducedByTheirMakers) {
  // "its new ... called X", and a product word before an unknown name makes it a product.
  Expect("Quillon Robotics announced the launch of its new warehouse chatbot called \"Veltra\" on Monday.", "en",
         {"Quillon Robotics develops Veltra"});
  Expect("Powered by Quillon Robotics's large language model, Veltra, the robots learn new tasks.", "en",
         {"Quillon Robotics develops Veltra"});
  // A company named after a comma is no product: "a partner, Zentrix Systems".
  Expect("Quillon Robotics signed with a partner, Zentrix Systems, to build the robots.", "en", {},
         {"Quillon Robotics develops Zentrix Systems"});
}

TEST(ArticleFamilies, EnglishSupplyDealsAndRivals) {
  // A preposition reaches its name across a lower-case description ("to artificial intelligence
  // company X"); deals are partnerships; "competition from" names rivals.
  Expect("Semiconductor maker AMD will supply its chips to artificial intelligence company Quillon Robotics next year.", "en",
         {"AMD supplies Quillon Robotics"});
  Expect("On Wednesday, OpenAI announced a $10 billion deal with chipmaker Cerebras.", "en", {"OpenAI partners_with Cerebras Systems"});
  Expect("AMD is facing competition from Huawei and Google in the data center market.", "en",
         {"AMD competes_with Huawei", "AMD competes_with Google"});
}

TEST(ArticleFamilies, LegalFormsAndAbbreviationPlurals) {
  // The words of a legal form after a known name keep the list going: both lenders invest.
  Expect("Norvane Robotics raised $40 million from Alibaba Group Holding and Quillmark Capital.", "en",
         {"Alibaba Group invests_in Norvane Robotics", "Quillmark Capital invests_in Norvane Robotics"});
  // "co-founder" after a name is no legal form "co".
  Expect("Microsoft co-founder Dana Holt started Norvane Robotics.", "en", {}, {"Microsoft Co"});
  // The plural of an abbreviation names a kind of thing: no company called "VCs".
  Expect("Norvane Robotics drew interest from VCs, and Quillmark Capital backed it in 2024.", "en", {}, {"VCs invests_in Norvane Robotics"});
}

TEST(ArticleFamilies, PossessiveAppositionsAndCounts) {
  // "X, Y's close rival, raised ...": Y is in an apposition, not a second raiser; X and Y compete
  // (a symmetric relation: either direction is right).
  std::set<std::string> found = Facts("Anthropic, OpenAI's close rival, has raised $4 billion from Amazon, and will train its models on AWS.", "en");
  EXPECT_EQ(found.count("Amazon invests_in Anthropic"), 1u);
  EXPECT_EQ(found.count("Amazon invests_in OpenAI"), 0u);
  EXPECT_EQ(found.count("Anthropic competes_with OpenAI") + found.count("OpenAI competes_with Anthropic"), 1u);
  // A number before a name is part of it when the rest is no common word.
  Expect("The funding came from Quillmark Capital, with participation from 500 Startups.", "en", {}, {"Startups invests_in Quillmark Capital"});
}

TEST(ArticleFamilies, EnglishListsWithPlacePossessives) {
  // "China's Huawei" is an item of the list, not the end of it.
  Expect("Analysts say Norvane is facing competition from Nvidia, China's Huawei, as well as Amazon and Google.", "en",
         {"Norvane competes_with Nvidia", "Norvane competes_with Huawei", "Norvane competes_with Amazon", "Norvane competes_with Google"});
}

TEST(ArticleFamilies, EnglishModelsNamedWithTheirMakers) {
  // "MODEL by MAKER": a product, or a name shaped like a model's (a digit, "-J").
  Expect("Open models include Quill-7B by Norvane Labs, the Tessel series, and GPT-Q by Harbor Research.", "en",
         {"Norvane Labs develops Quill-7B", "Harbor Research develops GPT-Q"});
  // A company founded by another is no model: "acquired by", "led by" are other rules' words.
  Expect("Norvane Labs was acquired by Harbor Research in 2020.", "en", {"Harbor Research acquires Norvane Labs"},
         {"Harbor Research develops Norvane Labs"});
}

TEST(ArticleFamilies, EnglishPossessiveUnitsAndCustomers) {
  Expect("Norvane Group's subsidiary Quillo Labs builds chips.", "en", {"Quillo Labs part_of Norvane Group"});
  Expect("Norvane's cloud unit Quillo Labs grew fast.", "en", {"Quillo Labs part_of Norvane"});
  Expect("Norvane Group is Quillo Labs' largest customer.", "en", {"Quillo Labs supplies Norvane Group"});
  // "unit sales" names no unit.
  Expect("Norvane Group said its unit sales fell while Quillo Labs grew.", "en", {}, {"Quillo Labs part_of Norvane Group"});
}

TEST(ArticleFamilies, EnglishAppositionsDescribeTheNameBeforeThem) {
  // "Block, the startup founded by X": the startup is Block, not the company named before.
  Expect("Norma Labs raised funds from Oakfield Partners. Later, Quillo, the fintech startup co-founded by Ada Novak, cut jobs.", "en",
         {"Ada Novak founded Quillo"}, {"Ada Novak founded Oakfield Partners", "Ada Novak founded Norma Labs"});
  // ... and when the described name is no name ("3x, a startup backed by ..."), no other one stands in.
  Expect("Norma Labs raised $5 million in May. Critics said that 3x, a startup backed by Harbor Lane, inflated its revenue.", "en", {},
         {"Harbor Lane invests_in Norma Labs"});
}

TEST(ArticleFamilies, EnglishShareholders) {
  Expect("Microsoft is the largest shareholder of Norma Labs.", "en", {"Microsoft invests_in Norma Labs"});
  Expect("Harbor Lane is Norma Labs' largest shareholder.", "en", {"Harbor Lane invests_in Norma Labs"});
  Expect("Harbor Lane, Norma Labs' largest investor, declined to comment.", "en", {"Harbor Lane invests_in Norma Labs"},
         {"Norma Labs invests_in Harbor Lane"});
  Expect("Nvidia is also an investor in Quillo Systems.", "en", {"Nvidia invests_in Quillo Systems"});
  Expect("Harbor Lane, the biggest investor in Norma Labs and its main partner, said nothing.", "en", {"Harbor Lane invests_in Norma Labs"});
}

TEST(ArticleFamilies, EnglishSpinOffs) {
  Expect("Intel spun out Quillo Labs last year.", "en", {"Intel founded Quillo Labs"});
  Expect("Intel plans to spin off Quillo Labs.", "en", {}, {"Intel founded Quillo Labs"});
}

TEST(ArticleFamilies, EnglishObjectRelativesAndShortNames) {
  // "X, which Y bought": Y is the subject, X the object.
  Expect("The chips were designed by Norma Labs, which Quillo Systems bought in 2016.", "en", {"Quillo Systems acquires Norma Labs"},
         {"Norma Labs acquires Quillo Systems"});
  // An organisation named once in full is named later without its generic last word.
  Expect("Harbor Lane agreed to acquire Vantic Computing. Ada Novak, the founder of Vantic, welcomed the deal.", "en",
         {"Harbor Lane acquires Vantic Computing", "Ada Novak founded Vantic Computing"});
}

TEST(ArticleFamilies, EnglishOwnedUnitsChipBuyersAndPricedLists) {
  // "Google-owned AI company X" (a short description between); "deploying 40,000 Nvidia GPUs"
  // (a comma inside a number ends no clause); "buying A for $700 million and B for $300
  // million" (a price after an item keeps the list); "Quillo Chat, a chatbot" is a product.
  Expect("Today was fine.\n\nGoogle-owned AI company Vantic Labs grew.\n\nNorma Cloud is deploying 40,000 Nvidia GPUs in its data centers.\n\n"
         "The deals include Nvidia buying Harlow Labs for $700 million and Brisk Labs for $300 million.\n\n"
         "Vantic Labs is best known for building Quillo Chat, a chatbot.",
         "en",
         {"Vantic Labs part_of Google", "Nvidia supplies Norma Cloud", "Nvidia acquires Harlow Labs", "Nvidia acquires Brisk Labs",
          "Vantic Labs develops Quillo Chat"});
}

TEST(ArticleFamilies, EnglishAsidesInsideAClauseAndCountedObjects) {
  // "X, an Australian cloud provider, is deploying as many as 40,000 Nvidia GPUs": the aside
  // interrupts the clause without ending it, a count before the object is no distance, and a
  // nationality opens no name ("Australian AI").
  Expect("Today was fine.\n\nNorma Cloud, an Australian AI cloud provider, is deploying as many as 40,000 Nvidia GPUs under a six-year deal.", "en",
         {"Nvidia supplies Norma Cloud"}, {"Nvidia supplies Australian AI"});
}

TEST(ArticleFamilies, RoundParticipantsInEnglish) {
  // Those who take part in a round invest in the company that raised it.
  Expect("Nova Robotics raised $20 million in a Series A round. Sequoia Capital and Accel participated in the round. "
         "Intel Capital also joined the round.",
         "en", {"Sequoia Capital invests_in Nova Robotics", "Accel invests_in Nova Robotics", "Intel Capital invests_in Nova Robotics"});
  // Joining something that is no round states no investment.
  Expect("Nova Robotics opened a lab in Boston. Intel Capital joined the Open Robotics Alliance.", "en", {},
         {"Intel Capital invests_in Nova Robotics"});
  // "clients like": the subject supplies each client.
  Expect("Quillo Systems builds custom voice models for clients like Unilever and Philips.", "en",
         {"Quillo Systems supplies Unilever", "Quillo Systems supplies Philips"});
}

TEST(ArticleFamilies, WireCopyAndOpeningParticiples) {
  // Hard-wrapped wire copy reads as sentences; a long description before the object says what it is.
  Expect("Jan 26 Vantic Systems said on Sunday it had\nagreed to acquire privately held artificial intelligence company\nNorma Labs Ltd.\n"
         "Technology news website Quillo, which reported news of the\ndeal earlier, said the price was $400 million, without\n"
         "disclosing where it got the information.\nA Vantic spokesman declined to comment on the price.\n"
         "Norma representatives could not be immediately reached for\ncomment.\n"
         "Founded in London in 2012 by Demis Hassabis, Shane Legg and\nMustafa Suleyman, Norma Labs uses general-purpose learning\n"
         "algorithms for applications such as simulations and\ngames, according to its website.\n",
         "en",
         {"Vantic Systems acquires Norma Labs", "Demis Hassabis founded Norma Labs", "Shane Legg founded Norma Labs", "Mustafa Suleyman founded Norma Labs"},
         {"Demis Hassabis founded Vantic Systems"});
  // The same with CR LF line ends: a break is one space and no sentence ends at a CR.
  Expect("Jan 26 Vantic Systems said on Sunday it had\r\nagreed to acquire privately held artificial intelligence company\r\n"
         "Norma Labs Ltd.\r\nTechnology news website Quillo, which reported news of the\r\ndeal earlier, said the price was $400 million,\r\n"
         "without disclosing where it got the information, as it\r\nsaid on Monday in a short note to all of its readers.\r\n"
         "Norma representatives could not be immediately reached for\r\ncomment on the deal or on the price that was paid.\r\n",
         "en", {"Vantic Systems acquires Norma Labs"});
  // A list closed by "and" takes no name after a comma.
  Expect("Backed by Sequoia Capital and Accel, Nova Robotics builds chips.", "en",
         {"Sequoia Capital invests_in Nova Robotics", "Accel invests_in Nova Robotics"}, {"Nova Robotics invests_in Nova Robotics"});
}

TEST(ArticleFamilies, ProductsNamedAfterTheirKindWord) {
  // A product named right after a product word, however long the description before it.
  Expect("It praised Amazon's AI application development platform Bedrock.", "en", {"Amazon develops Amazon Bedrock"});
  // Products compete with products.
  Expect("Llama 2 is in direct competition with the likes of Bard and ChatGPT.", "en", {"Bard competes_with Llama 2", "ChatGPT competes_with Llama 2"});
}

TEST(ArticleFamilies, ItRefersToThePreviousCompany) {
  // "It" opening a clause stands for the company the text was about.
  Expect("Nova Robotics raised money last year. It will compete with companies such as Tesla and Amazon in the household robot space.", "en",
         {"Nova Robotics competes_with Tesla", "Amazon competes_with Nova Robotics"});
  // Inside a clause it refers to nothing: "Tesla bought it" names no second company.
  Expect("Nova Robotics raised money last year. Tesla said Apple bought it.", "en", {}, {"Apple acquires Nova Robotics"});
}

TEST(ArticleFamilies, PartnersNamedAsSuch) {
  // "X announced Y as its first partner".
  Expect("Apple announced OpenAI as its first partner.", "en", {"Apple partners_with OpenAI"});
  Expect("Nova Robotics named Quillo Systems as a partner for its new robots.", "en", {"Nova Robotics partners_with Quillo Systems"});
}

TEST(ArticleFamilies, EnglishPlacesAndDescriptionsBeforeTheObject) {
  // A place is no name, and an abbreviated place may be part of the description before the
  // object: each company of the subject list partners with Nova Cloud, not with each other.
  Expect("Intel, Cisco, and Qualcomm have announced partnerships with U.K. cloud computing startup Nova Cloud.", "en",
         {"Intel partners_with Nova Cloud", "Cisco partners_with Nova Cloud", "Qualcomm partners_with Nova Cloud"},
         {"Cisco partners_with Intel", "Intel partners_with U.K"});
  Expect("Vantic Systems is investing $2 billion in the U.K. and opened an office in Dammam.", "en", {},
         {"Vantic Systems invests_in U.K", "Vantic Systems invests_in U.K."});
  // Partnerships with a list and no subject say nothing about the list's members.
  Expect("Today was fine. Partnerships with Qualcomm and Cisco add more muscle to the mix.", "en", {}, {"Cisco partners_with Qualcomm"});
}

TEST(ArticleFamilies, EnglishMakersNamedByTheirProducts) {
  // "the start-up behind PRODUCT", "PRODUCT, the flagship product of ORG".
  Expect("Quillo Labs, the start-up behind the AI chatbot Claude, raised money.", "en", {"Quillo Labs develops Claude"});
  Expect("Grok, the best-known product of Vantic Systems, is popular.", "en", {"Vantic Systems develops Grok"});
  // Falling behind a product makes nobody its maker.
  Expect("Quillo Labs fell behind ChatGPT last year.", "en", {}, {"Quillo Labs develops ChatGPT"});
  // "Its chatbot, BRAND WORD": a product named after its maker, made by the text's company.
  Expect("Nova Robotics opened an office. Its chatbot, Nova Robotics Chat, is live.", "en", {"Nova Robotics develops Nova Robotics Chat"});
  // "chips supplied by X": X supplies the subject.
  Expect("Nova Robotics runs its models on silicon supplied by California-based Groq.", "en", {"Groq supplies Nova Robotics"},
         {"Nova Robotics supplies Groq"});
}

TEST(ArticleFamilies, EnglishAppositionAtTheEnd) {
  // An apposition with "the" may close the sentence: "..., the marquee product of X."
  Expect("The deal would link the startup with Grok, the marquee product of Vantic Systems.", "en", {"Vantic Systems develops Grok"});
}

TEST(ArticleFamilies, EnglishAnaphorsInReportedClauses) {
  // "X's CEO said that the chipmaker ...": the reported clause is another, so the company named
  // before "that" is the referent; the CEO invests nothing.
  Expect("Filler line. Nvidia CEO Jensen Huang revealed that the chipmaker has made a $500 million equity investment into Nova Cloud.", "en",
         {"Nvidia invests_in Nova Cloud"}, {"Jensen Huang invests_in Nova Cloud"});
  // In its own clause the subject is no referent: "Google invested in the startup".
  Expect("Filler line. Anthropic raised money. Google invested in the startup.", "en", {"Google invests_in Anthropic"}, {"Google invests_in Google"});
}

TEST(ArticleFamilies, EnglishProvidersNamedAsSuch) {
  // "X as its primary cloud provider", "make X its “preferred cloud provider”": X supplies the subject.
  Expect("Filler line. Anthropic agreed to use Amazon Web Services (AWS) as its primary cloud provider.", "en",
         {"Amazon Web Services supplies Anthropic"});
  Expect("Filler line. Anthropic agreed to make Google Cloud its \u201cpreferred cloud provider\u201d this year.", "en", {"Google Cloud supplies Anthropic"});
  // Another role is no supply.
  Expect("Filler line. Anthropic named Google its partner in Europe.", "en", {}, {"Google supplies Anthropic"});
}

TEST(ArticleFamilies, EnglishLabsAreCompanies) {
  // "X Labs" in English news is a company, so "the company" in the next sentence is X.
  Expect("Quillo Labs raised $20 million last year. The company uses Amazon Web Services (AWS) as its primary cloud provider.", "en",
         {"Amazon Web Services supplies Quillo Labs"});
}

TEST(ArticleFamilies, EnglishConsortiaAndChipAdoption) {
  // Working on a promoter group is membership.
  Expect("Google, Microsoft, and Meta collaborate on the Nexlink Promoter Group to develop components.", "en",
         {"Google member_of Nexlink Promoter Group", "Microsoft member_of Nexlink Promoter Group", "Meta Platforms member_of Nexlink Promoter Group"});
  // "X will use Y chips": Y supplies X.
  Expect("BMW will use Qualcomm chips in its next generation of driver-assistance systems.", "en", {"Qualcomm supplies BMW"});
}

TEST(ArticleFamilies, EnglishRoundsNamedOnlyByTheirRaiser) {
  // "X raised $N" names no investor, yet X is the raiser "this funding" and "the round" stand for;
  // "with backing from A" adds investors to the round the sentence names.
  Expect("Quillo Labs raised $475 million in seed funding. Led by Harbor Ventures and Oakfield Partners, this funding is the first part "
         "of a larger round. Harbor Ventures and Oakfield Partners co-led the massive round, with backing from Norma Capital and DCVC.",
         "en",
         {"Harbor Ventures invests_in Quillo Labs", "Oakfield Partners invests_in Quillo Labs", "Norma Capital invests_in Quillo Labs",
          "DCVC invests_in Quillo Labs"},
         {"Norma Capital invests_in Harbor Ventures"});
}

TEST(ArticleFamilies, EnglishUnitsOfAParent) {
  // "PARENT's UNIT … unit", "PARENT's … unit, UNIT": the unit is part of the parent.
  Expect("An existing partnership between BMW and Intel's Mobileye self-driving technology unit will continue.", "en", {"Mobileye part_of Intel"});
  Expect("Filler line. Quillo Labs joined Harbor Systems' corporate venturing arm, Harbor Ventures Fund, in the round.", "en",
         {"Harbor Ventures Fund part_of Harbor Systems"});
  // A known name before a unit's suffix names the unit, not the parent.
  Expect("Filler line. Baidu Capital invested in Quillo Labs.", "en", {"Baidu Capital invests_in Quillo Labs"}, {"Baidu invests_in Quillo Labs"});
}

TEST(ArticleFamilies, EnglishRoundsClosedForAnOrganisation) {
  // "closed $N for X": X raised the money; "Led by A, this funding ..." is X's round, and a round is
  // no apposition of the name before its comma.
  Expect("Naveen Rao pulled off a large seed round. The former Norma Systems AI chief closed $475 million at a $4.5 billion valuation for "
         "Quillo Labs, his stealth hardware startup. Led by Harbor Ventures and Oakfield Partners, this funding is the first installment.",
         "en", {"Harbor Ventures invests_in Quillo Labs", "Oakfield Partners invests_in Quillo Labs"},
         {"Harbor Ventures invests_in Norma Systems"});
  // "X closed a $N round": X is the raiser the round's backers invest in.
  Expect("Quillo Labs closed a $475 million seed round. Harbor Ventures co-led the round, with backing from Norma Capital.", "en",
         {"Harbor Ventures invests_in Quillo Labs", "Norma Capital invests_in Quillo Labs"});
}

TEST(ArticleFamilies, EnglishRaisingConcernsIsNoRound) {
  // "raised concerns" raises no money: the round later is not that company's.
  Expect("Quillo Labs raised $20 million in a seed round. Harbor Systems raised concerns about the market. "
         "Oakfield Partners led the round.", "en", {"Oakfield Partners invests_in Quillo Labs"}, {"Oakfield Partners invests_in Harbor Systems"});
}

TEST(ArticleFamilies, EnglishInvestorListsWithDescriptionsAndParents) {
  // "and <description ending in a kind word> X" keeps the list; "PARENT's UNIT" inside a list names
  // the unit as the member and the unit as part of the parent; "participated in X's round".
  Expect("Filler line. Intel, Qualcomm and Ashton-backed venture capital firm Harbor Ventures also participated in Quillo Labs' latest funding round.",
         "en", {"Intel invests_in Quillo Labs", "Qualcomm invests_in Quillo Labs", "Harbor Ventures invests_in Quillo Labs"});
  Expect("Quillo Labs said it was valued at $2 billion. The startup raised $90 million in a round backed by large companies, including "
         "Salesforce, Alphabet's Google and Nvidia.",
         "en", {"Salesforce invests_in Quillo Labs", "Google invests_in Quillo Labs", "Nvidia invests_in Quillo Labs", "Google part_of Alphabet Inc."},
         {"Alphabet Inc. invests_in Quillo Labs"});
  // A stake is no unit; nor is a plural possessive's name.
  Expect("Filler line. SoftBank's OpenAI stake is worth more than its other holdings.", "en", {}, {"OpenAI part_of SoftBank Group"});
}

TEST(ArticleFamilies, EnglishRoundsForADescribedStartup) {
  // "secures $N in funding for her start-up, X": X raised it; "Backed by A and B, the funding
  // round ..." is X's round, and the backers are no rivals of anyone the sentence names later.
  Expect("Dana Reyes secures $2bn in funding for her start-up, Quillo Labs, valuing the company at $10bn. Backed by Harbor Ventures and "
         "Oakfield Partners, the funding round positions the lab as a competitor to giants like OpenAI and Anthropic.",
         "en", {"Harbor Ventures invests_in Quillo Labs", "Oakfield Partners invests_in Quillo Labs"},
         {"Harbor Ventures competes_with Oakfield Partners", "Harbor Ventures competes_with OpenAI"});
}

TEST(ArticleFamilies, EnglishCoInvestorsJoinedAndNearMisses) {
  // "A and B were joined by C" makes C a co-investor of A and B, not their investor; "the round
  // was joined by C" and "led by A and joined by B" name the round's investors.
  Expect("Quillo Labs raised $350m. Harbor Ventures and Oakfield Partners were joined by Norma Capital.", "en", {},
         {"Norma Capital invests_in Harbor Ventures", "Norma Capital invests_in Oakfield Partners"});
  Expect("Filler line. Quillo Labs' funding was led by Harbor Ventures and joined by other investors such as Norma Capital.", "en",
         {"Harbor Ventures invests_in Quillo Labs", "Norma Capital invests_in Quillo Labs"});
  // A deal that almost happened did not.
  Expect("Filler line. According to insiders, AMD almost bought Nvidia in 2006.", "en", {}, {"AMD acquires Nvidia"});
}

TEST(ArticleFamilies, EnglishCoInvestorListsAndCopulaNames) {
  // "X is an AI cloud startup" names X; "A and co-investors B’ C, D, and E" is one list (a plural
  // possessive with a curly apostrophe is part of a name).
  Expect("Quillo is an AI cloud startup in Mumbai. Harbor Partners and co-investors Teachers’ Growth Fund, Oakfield Capital, and Norma "
         "Ventures will invest $600 million in Quillo.",
         "en",
         {"Harbor Partners invests_in Quillo", "Teachers’ Growth Fund invests_in Quillo", "Oakfield Capital invests_in Quillo",
          "Norma Ventures invests_in Quillo"});
}

TEST(ArticleFamilies, EnglishRoundsThatIncludeAndPartnerLists) {
  // "a round featuring / that included LIST": the list invests in the raiser; a member may carry a
  // short description after a comma or "as well as" ("software provider X").
  Expect("Northwind raised $2 billion in a round featuring Honda, software provider Microsoft as well as retailer Walmart.", "en",
         {"Honda Motor invests_in Northwind", "Microsoft invests_in Northwind", "Walmart invests_in Northwind"});
  // "X's investors include PERSON's family office": the person invests; the possessor of the
  // trigger's noun is the one before it.
  Expect("Northwind's investors include Eric Schmidt's family office and Geoffrey Hinton.", "en",
         {"Eric Schmidt invests_in Northwind", "Geoffrey Hinton invests_in Northwind"}, {"Geoffrey Hinton invests_in Eric Schmidt"});
  Expect("Northwind's partners include Oracle and Salesforce.", "en", {"Northwind partners_with Oracle", "Northwind partners_with Salesforce"});
}

TEST(ArticleFamilies, EnglishPairsPurposeAndMoneyReceived) {
  // A sentence that names exactly two organisations gives "the two companies" and "the pair" of
  // the next; a sentence about the pair keeps it, though it names a third partner.
  Expect("Intel said it intends to purchase Northwind. The two companies were already working together. "
         "The pair announced a partnership with BMW. Then the two companies partnered with Delphi.", "en",
         {"Intel partners_with Northwind", "BMW partners_with Intel", "BMW partners_with Northwind", "Delphi partners_with Intel",
          "Delphi partners_with Northwind"},
         {"BMW partners_with Delphi"});
  // An infinitive of purpose shares the main verb's subject.
  Expect("Intel buys Northwind for $15 billion to challenge Nvidia.", "en", {"Intel acquires Northwind", "Intel competes_with Nvidia"},
         {"Northwind competes_with Nvidia"});
  // Money received from someone, and colloquial verbs of raising.
  Expect("Northwind, which received $2.6 billion in capital from carmaker Volkswagen in 2019, shut down.", "en", {"Volkswagen Group invests_in Northwind"});
  Expect("Northwind received approval from the city of Pittsburgh.", "en", {}, {});
  Expect("Northwind hauled in an additional $600 million. The Series D round was led by Tiger Global Management.", "en",
         {"Tiger Global Management invests_in Northwind"});
}

TEST(ArticleFamilies, EnglishRaisersNamedInTheSentence) {
  // "X closed a round led by A, with participation from B and C": the one who closed it raised it.
  Expect("Northwind Health closed a $125 million Series B this week led by New Enterprise Associates, with participation from "
         "Menlo Ventures and Transformation Capital.", "en",
         {"New Enterprise Associates invests_in Northwind Health", "Menlo Ventures invests_in Northwind Health",
          "Transformation Capital invests_in Northwind Health"});
}

TEST(ArticleFamilies, EnglishMoneyPutIn) {
  // "A and B added $N": money put into the round's raiser.
  Expect("Northwind raised $675 million in a round led by Jeff Bezos. Microsoft and Amazon added nearly $299 million between them.", "en",
         {"Jeff Bezos invests_in Northwind", "Microsoft invests_in Northwind", "Amazon invests_in Northwind"});
  Expect("Microsoft added a new feature to Windows.", "en", {}, {});
}

TEST(ArticleFamilies, EnglishPartneringListsThatInclude) {
  // "Agencies partnering with X on the pilot include A, B and C": each partners with X.
  Expect("Agencies partnering with the National Science Foundation on the pilot include the Department of Energy and NASA.", "en",
         {"United States Department of Energy partners_with National Science Foundation", "NASA partners_with National Science Foundation"});
}

TEST(ArticleFamilies, EnglishPronounsForAnyOrganisation) {
  // "it" and "the firm" may stand for an investor as well as a company: the previous sentence's
  // topic, not the last company named.
  Expect("Radical Ventures was launched in 2017 by two founders who sold an AI company to Google. The firm has since backed many "
         "start-ups. It was the first investor in AI start-up Cohere.", "en",
         {"Radical Ventures invests_in Cohere"}, {"Google invests_in Cohere"});
}

TEST(ArticleFamilies, EnglishRoundsForARaiser) {
  // "taking part in a round for X": X raised the round.
  Expect("Vision Fund followed the 2018 investment by taking part in a $1.15bn round for Northwind Robotics in 2019.", "en",
         {"SoftBank Vision Fund invests_in Northwind Robotics"});
}

TEST(ArticleFamilies, EnglishListsWithArticlesBeforeItems) {
  // "Backers include A, the B Fund, C and the D Fund": "the" before an item keeps the list; a
  // capitalised word after a label's colon is no name that could take the topic.
  Expect("Why it matters: Wheeled robots are entering warehouses this year. Northwind Robotics raised $90 million. Backers include "
         "Microsoft, the Quarry Growth Fund, Nvidia and the Harbor Industrial Fund.", "en",
         {"Microsoft invests_in Northwind Robotics", "Quarry Growth Fund invests_in Northwind Robotics", "Nvidia invests_in Northwind Robotics",
          "Harbor Industrial Fund invests_in Northwind Robotics"});
  // ... but not before a name that opens a clause of its own.
  Expect("Harbor Robotics received an investment of $2 billion from Microsoft, the Abu Dhabi Media Office said on Tuesday.", "en",
         {"Microsoft invests_in Harbor Robotics"}, {"Abu Dhabi Media Office invests_in Harbor Robotics"});
  // Places' possessives before list items own nothing and partner with nobody.
  Expect("Quarry Partners general partner Lena Ortiz’s main job is to lead investments in startups such as France’s Mistral AI and "
         "Germany’s Black Forest Labs.", "en",
         {"Lena Ortiz works_at Quarry Partners"}, {"Mistral AI partners_with Black Forest Labs", "Mistral AI part_of France"});
}

TEST(ArticleFamilies, EnglishObjectsNamedAfterADescription) {
  // "founded by three engineers – A, B and C –": the description stands for the names after it.
  Expect("Tessel Compute was founded by three former Intel engineers in 2021 – Lena Ortiz, Tom Becker and Ravi Anand – and designs server "
         "chips.", "en",
         {"Lena Ortiz founded Tessel Compute", "Tom Becker founded Tessel Compute", "Ravi Anand founded Tessel Compute"}, {"Intel founded Tessel Compute"});
  Expect("Tessel Compute was founded by two chip designers, Lena Ortiz and Tom Becker, in 2021.", "en",
         {"Lena Ortiz founded Tessel Compute", "Tom Becker founded Tessel Compute"});
}

TEST(ArticleFamilies, EnglishOwnersOfRelationalNouns) {
  // "a stake in one of X's rivals", "a supplier of X": X is no object; "X's rival Y" are rivals.
  Expect("The deal lets Quarry Partners take a stake in one of Nvidia's most formidable rivals.", "en", {},
         {"Quarry Partners invests_in Nvidia"});
  Expect("Quarry Partners acquired a stake in a key supplier of Apple.", "en", {}, {"Quarry Partners invests_in Apple"});
  Expect("Quarry Partners invested in OpenAI's rival Mistral AI.", "en", {"OpenAI competes_with Mistral AI"},
         {"Quarry Partners invests_in OpenAI", "Quarry Partners competes_with Mistral AI"});
}

TEST(ArticleFamilies, EnglishHyphenatedMakers) {
  // "ChatGPT-maker OpenAI": the product's maker, and a member of the list it stands in.
  Expect("Northwind Robotics drew a $675 million investment from Jeff Bezos, AI chipmaker Nvidia, ChatGPT-maker OpenAI and others.", "en",
         {"OpenAI develops ChatGPT", "OpenAI invests_in Northwind Robotics", "Nvidia invests_in Northwind Robotics",
          "Jeff Bezos invests_in Northwind Robotics"});
}

TEST(ArticleFamilies, EnglishAlliancesWithSymbolNamesAndJoinedForces) {
  // "A, B, e& and C have formed X": a name written with a symbol keeps the list; "joining forces
  // with South Korean automakers A and B": a compass word opens no name.
  Expect("Harbor Telecom, Quarry Mobile, e& and Northwind Networks have formed the Global Carrier AI Alliance.", "en",
         {"Harbor Telecom member_of Global Carrier AI Alliance", "Quarry Mobile member_of Global Carrier AI Alliance",
          "Northwind Networks member_of Global Carrier AI Alliance"});
  Expect("Tessel Power is joining forces with South Korean automakers Hyundai Motor and Kia to develop batteries.", "en",
         {"Tessel Power partners_with Hyundai Motor Company", "Tessel Power partners_with Kia"}, {"Tessel Power partners_with South"});
  Expect("Tessel Power entered into agreements with Hyundai Motor and Kia.", "en",
         {"Tessel Power partners_with Hyundai Motor Company", "Tessel Power partners_with Kia"});
}

TEST(ArticleFamilies, EnglishCustomersUsingAMakersChips) {
  // "A, B and C use X AI chips", "A keeps using X's TPUs": X supplies them; no chip word, no supply.
  Expect("Harbor Cloud, Quarry Labs and Northwind Robotics actively use Nvidia AI chips.", "en",
         {"Nvidia supplies Harbor Cloud", "Nvidia supplies Quarry Labs", "Nvidia supplies Northwind Robotics"});
  Expect("Quarry Labs will keep using Google's TPUs for training.", "en", {"Google supplies Quarry Labs"});
  Expect("Quarry Labs and Harbor Cloud use Python.", "en", {}, {"Python supplies Quarry Labs"});
}

TEST(ArticleFamilies, EnglishListsGoingOnInTheNextSentence) {
  // "Investors include A and B. Others include C and D.": C and D invest in the same company;
  // with no list before, "Others include" relates nobody.
  Expect("Northwind Robotics raised $90 million. Investors include Microsoft and Nvidia. Others include Quarry Capital and Harbor Ventures.",
         "en", {"Quarry Capital invests_in Northwind Robotics", "Harbor Ventures invests_in Northwind Robotics", "Microsoft invests_in Northwind Robotics"});
  Expect("Northwind Robotics makes warehouse robots. Others include Quarry Labs and Harbor Robotics.", "en", {},
         {"Quarry Labs invests_in Northwind Robotics", "Quarry Labs member_of Northwind Robotics"});
}

TEST(ArticleFamilies, EnglishPluralTriggerNounsAndGlossedAppositions) {
  // "have taken stakes in X": a noun trigger reads in the plural too; "X (Y), the firm co-founded
  // by former ORG scientist P": the firm is X even behind its gloss, and the title phrase with
  // "former" is no distance between the trigger and the founder.
  Expect("Harbor Capital and Quarry Ventures have taken stakes in Northwind Robotics.", "en",
         {"Harbor Capital invests_in Northwind Robotics", "Quarry Ventures invests_in Northwind Robotics"});
  Expect("Harbor Capital invested in Northwind Robotics Inc. (NWR), the research firm co-founded by former Quarry Labs chief scientist Mara Velden.",
         "en", {"Harbor Capital invests_in Northwind Robotics Inc.", "Mara Velden founded Northwind Robotics Inc."},
         {"Mara Velden founded Harbor Capital"});
}

TEST(ArticleFamilies, EnglishRespectiveLists) {
  // "A and B partnered with C and D, respectively": A with C and B with D only.
  Expect("Quarry Labs and Harbor Cloud partnered with Nvidia and AMD, respectively.", "en",
         {"Quarry Labs partners_with Nvidia", "Harbor Cloud partners_with AMD"},
         {"Quarry Labs partners_with AMD", "Harbor Cloud partners_with Nvidia"});
  // Lists of different lengths relate nobody, not even the first list's members to each other.
  Expect("Quarry Labs and Harbor Cloud partnered with Nvidia, AMD and Intel respectively.", "en", {},
         {"Quarry Labs partners_with AMD", "Harbor Cloud partners_with Nvidia", "Harbor Cloud partners_with Quarry Labs"});
}

TEST(ArticleFamilies, EnglishPrepositionsFollowTheirWordAndVagueSupport) {
  // A "from" phrase before a word is another phrase's: the investors of "raising money from
  // investors including A and B" compete with nobody the later "rival" names. A bare "support"
  // (of trips, of processing) and the noun "funds" back nobody.
  Expect("Mistral AI is in the final stages of raising 450 million euros from investors including Nvidia Corp. and Salesforce Inc. in a round "
         "that values the OpenAI rival at $2 billion.",
         "en", {}, {"Nvidia competes_with OpenAI", "OpenAI competes_with Salesforce"});
  Expect("TuSimple operates a truck depot in Tucson and set up a facility in Texas to support its autonomous trips.", "en", {},
         {"TuSimple backs Tucson"});
  Expect("The National Growth Fund will also invest funds in the establishment of the National AI Computing Center.", "en",
         {"National Growth Fund invests_in National AI Computing Center"}, {"National AI Computing Center backs National Growth Fund"});
}

TEST(ArticleFamilies, EnglishInvestmentsOwnedByTheInvestor) {
  // "X's (upfront equity) investment in Y": X invests in Y, whatever the sentence's subject; an
  // owner with a name between ("the firm's seed and Series A investment") or far after the word
  // ("investments in startups such as France's Mistral AI") is none.
  Expect("If CoreWeave lists at more than $30 billion, Nvidia's upfront equity investment in the company will be worth $1 billion.", "en",
         {"Nvidia invests_in CoreWeave"}, {"CoreWeave invests_in Nvidia"});
  Expect("These deals follow Harbor Capital's investment in charging venture Quarry Labs.", "en", {"Harbor Capital invests_in Quarry Labs"});
  Expect("Her job is to lead investments in startups such as France's Mistral AI.", "en", {}, {"France invests_in Mistral AI"});
}

TEST(ArticleFamilies, EnglishRoundsInProgressAndTheirParticipants) {
  // "A and B are leading the round for X"; "Existing investors A and B also participated." (the
  // round raised before); "The lender was X": a name after a copula is no topic the next
  // sentence's "the company" stands for.
  Expect("Celesta Capital and GreatPoint Ventures are leading the $102 million Series C round for Northwind Robotics.", "en",
         {"Celesta Capital invests_in Northwind Robotics", "GreatPoint Ventures invests_in Northwind Robotics"});
  Expect("TuSimple raised $350 million. Existing investors Volkswagen AG's heavy-truck business The Traton Group and Navistar also participated.",
         "en", {"Traton Group invests_in TuSimple", "Navistar invests_in TuSimple"});
  Expect("Nvidia invested in Northwind Robotics. The lender was HSBC. The company acquired Quarry Labs.", "en", {},
         {"HSBC acquires Quarry Labs"});
}

TEST(ArticleFamilies, EnglishHeadsAndFieldChiefsOfOrganisations) {
  // "A and B's robotics chief, P": a possessive after a list covers all of it, past a field word;
  // "P will head ORG's new group", "as head of ORG's business": P works at ORG.
  Expect("Hyundai and Kia's robotics chief, John Park, said the robots are ready.", "en",
         {"John Park works_at Hyundai Motor Company", "John Park works_at Kia"});
  Expect("Sam Altman, the former CEO of OpenAI, will head Microsoft's new AI research group.", "en", {"Sam Altman works_at Microsoft"},
         {"Sam Altman works_at OpenAI"});
  Expect("John Park began Monday as head of Intel's programmable solutions business.", "en", {"John Park works_at Intel"});
}

TEST(ArticleFamilies, EnglishProductsListedAndCreatedAndDatelines) {
  // "its team overseeing consumer AI products, such as A and B": the owner's products; "X, the
  // company that created Y"; a dateline ("MANILA, Philippines –") names no party.
  Expect("MANILA, Philippines – Microsoft on Tuesday announced it had hired Mustafa Suleyman to lead its team overseeing consumer AI "
         "products, such as Bing and Copilot.",
         "en", {"Microsoft develops Bing", "Microsoft develops Microsoft Copilot"}, {"MANILA develops Bing"});
  Expect("Google's cloud services, such as Gemini and Vertex AI, grew.", "en", {"Google develops Gemini"});
  Expect("OpenAI, the company that created ChatGPT, raised money.", "en", {"OpenAI develops ChatGPT"});
}

TEST(ArticleFamilies, EnglishStakesBoughtAreInvestments) {
  // "X bought a 20% stake in Y": the nearest trigger before the name owns it, so X invests in Y
  // and acquires nothing.
  Expect("In 2019, Volkswagen bought a 20% stake in Swedish cell manufacturer Northvolt AB.", "en", {"Volkswagen Group invests_in Northvolt"},
         {"Volkswagen Group acquires Northvolt"});
}

TEST(ArticleFamilies, EnglishAppositionsAfterListsAndShortNames) {
  // "A, B, and C, a unit of D": the apposition describes the last name only; "its latest round
  // was led by X": the round is the one the company raised; "Harbor Freight International Corp"
  // is later "Harbor Freight": generic last words may be left off, one at a time.
  Expect("Northwind Robotics is building a network with Quarry Labs, Bluefin Freight Inc, and Harbor Logistics, a unit of Berkshire Hathaway.",
         "en", {"Harbor Logistics part_of Berkshire Hathaway"},
         {"Quarry Labs part_of Berkshire Hathaway", "Bluefin Freight Inc part_of Berkshire Hathaway"});
  Expect("Northwind Robotics said it raised $50 million. According to the company's statement, its latest round of financing was led by "
         "Celesta Capital and GreatPoint Ventures.",
         "en", {"Celesta Capital invests_in Northwind Robotics", "GreatPoint Ventures invests_in Northwind Robotics"});
  Expect("Harbor Freight International Corp agreed to work with TuSimple. Later, Harbor Freight acquired Quarry Labs.", "en",
         {"Harbor Freight International acquires Quarry Labs"}, {"Harbor Freight acquires Quarry Labs"});
  // A place may open a name that an organisation suffix ends, and names nobody alone.
  Expect("Other co-investors in Quarry Labs' Series B round included Zhejiang Westlake Education Foundation and Celesta Capital.", "en",
         {"Zhejiang Westlake Education Foundation invests_in Quarry Labs", "Celesta Capital invests_in Quarry Labs"});
}

TEST(ArticleFamilies, EnglishBackersWhoJoinedARound) {
  // "It was joined by A, B and several other backers": they invest in the one who raised the round.
  Expect("Quarry Labs raised $1.1 billion in a round led by Celesta Capital. It was joined by Nvidia Corp., Dell Technologies Inc. and several "
         "other backers.",
         "en", {"Celesta Capital invests_in Quarry Labs", "Nvidia invests_in Quarry Labs", "Dell Technologies invests_in Quarry Labs"});
  // (No round, no investors: "X was joined by Y at the summit".)
  Expect("Quarry Labs spoke at the summit. It was joined by Nvidia Corp. on stage.", "en", {}, {"Nvidia invests_in Quarry Labs"});
}

TEST(ArticleFamilies, EnglishRoundsBeingRaised) {
  // "X is raising $N from investors including A and B": a round in progress names its investors.
  Expect("Quarry Labs is raising roughly €450 million ($487 million) from investors including Nvidia Corp. and Salesforce Inc.", "en",
         {"Nvidia invests_in Quarry Labs", "Salesforce invests_in Quarry Labs"});
}

TEST(ArticleFamilies, EnglishBackedPastADescription) {
  // "Microsoft-backed AI startup X": the backer invests in X past a short description.
  Expect("Microsoft-backed AI startup Quarry Labs raised money.", "en", {"Microsoft invests_in Quarry Labs"});
  Expect("Nvidia-backed venture capital firm Sound Ventures joined the round.", "en", {"Nvidia invests_in Sound Ventures"});
}

TEST(ArticleFamilies, EnglishInvestorsThatAlsoInvestedOrLedASeries) {
  // "A and B also invested." joins the round raised; "X led ORG's $20 million Series A" names the
  // raiser by its possessive; leading ORG's efforts is no investment.
  Expect("Quarry Labs raised $20 million. GreatPoint Ventures and Nvidia also invested.", "en",
         {"GreatPoint Ventures invests_in Quarry Labs", "Nvidia invests_in Quarry Labs"});
  Expect("Nvidia led Quarry Labs' $20 million Series A.", "en", {"Nvidia invests_in Quarry Labs"});
  Expect("Nvidia led Quarry Labs' efforts to build chips.", "en", {}, {"Nvidia invests_in Quarry Labs"});
}

TEST(ArticleFamilies, EnglishInvestorsIncludedAndNamesAroundThem) {
  // "Backers included A, B and C." (the past tense too); a four-digit number alone
  // before a suffix is a name ("1789 Capital"), but "in 2024 X Systems" dates X; "Donald Trump
  // Jr." is not Donald Trump, and a backer before a hyphenated participle keeps the list going.
  Expect("Quarry Labs closed a $1 billion round. Backers included Norma Ventures, Coatue and Donald Trump Jr.-backed 1789 Capital.", "en",
         {"Norma Ventures invests_in Quarry Labs", "Coatue Management invests_in Quarry Labs", "1789 Capital invests_in Quarry Labs"},
         {"Donald Trump invests_in Quarry Labs"});
  Expect("In 2024 Vantic Systems raised money from Sequoia.", "en", {"Sequoia Capital invests_in Vantic Systems"});
  // "uses Nvidia graphics processing units": the maker of the chips a company uses supplies it.
  Expect("Quarry Labs uses Nvidia graphics processing units in its new data centre.", "en", {"Nvidia supplies Quarry Labs"});
}

TEST(ArticleFamilies, EnglishUnitsDescribedInBrackets) {
  // "X (a subsidiary of Y) and Z": X is Y's unit, the list goes on past the bracket, and the
  // description is no alias or name.
  Expect("Quarry Labs raised $20 million. Investors include Norma Trust (a subsidiary of China Construction Bank) and Nvidia.", "en",
         {"Norma Trust invests_in Quarry Labs", "Nvidia invests_in Quarry Labs", "Norma Trust part_of China Construction Bank"},
         {"China Construction Bank invests_in Quarry Labs"});
}

TEST(ArticleFamilies, EnglishParagraphNamingItsSourceAtTheEnd) {
  // "… both firms said on Friday. Reuters": a paragraph of sentences that names its source
  // after the last full stop is body, not a photo credit.
  Expect("Quarry Labs and Norma Systems signed a three-year supply partnership, both firms said on Friday. The agreement also covers robots sold "
         "in Europe. Reuters",
         "en", {"Quarry Labs partners_with Norma Systems"});
}

TEST(ArticleFamilies, EnglishPartnersDescribedByARelationalNoun) {
  // "a partnership with its French startup rival X": a relational noun in the description does not
  // cut the name off from the preposition before it.
  Expect("Quarry Labs signed a partnership with its French startup rival Mistral AI last week.", "en", {"Quarry Labs partners_with Mistral AI"});
}

TEST(ArticleFamilies, EnglishPlacesOfTwoWords) {
  // "North Carolina" is one place: "Carolina" is no company the firm could be.
  Expect("Headquartered in Raleigh, North Carolina, Quarry Labs left stealth this year. The company signed deals with Walmart.", "en",
         {"Quarry Labs partners_with Walmart"}, {"Carolina partners_with Walmart"});
}

TEST(ArticleFamilies, EnglishBackersOfAHyphenatedModifierAndOfTheRound) {
  // "Fin Capital-backed competitor X": the backer's name ends at the hyphen, and a rival noun may
  // stand between it and the company.
  Expect("Norma Systems now faces Fin Capital-backed competitor Vela.", "en", {"Fin Capital invests_in Vela"}, {"Fin Capital-backed competes_with Vela"});
  // "Existing investors X and Y also took part" after a round: the round's raiser, not the
  // previous sentence's subject, got the money.
  Expect("Quarry Labs raised $40 million in a Series B round. Coatue and Union Pacific joined the round. Existing investors Mayfield and "
         "DNS Capital also took part.",
         "en", {"Mayfield invests_in Quarry Labs", "DNS Capital invests_in Quarry Labs"}, {"Mayfield invests_in Union Pacific"});
}

TEST(ArticleFamilies, EnglishLegalFormsBeforeMarksAndTheLikesOf) {
  // "Norma Corp's unit, X": the legal form belongs to the owner, who keeps its possessive;
  // "Norma Holding-backed X" likewise before a hyphenated participle.
  Expect("Nvidia Corp's robotics unit, Quarry Labs, said it will hire.", "en", {"Quarry Labs part_of Nvidia"});
  Expect("Vela signed a deal with Geely Holding-backed Zeekr last week.", "en", {"Geely invests_in Zeekr"});
  // "investment from the likes of A, B and C": each is an investor.
  Expect("Quarry Labs has drawn investment from the likes of Amazon, Greylock Partners and Sequoia Capital.", "en",
         {"Amazon invests_in Quarry Labs", "Greylock Partners invests_in Quarry Labs", "Sequoia Capital invests_in Quarry Labs"});
}

TEST(ArticleFamilies, EnglishServiceDealsAndMembersOfAConsortium) {
  // "a cloud deal with X": X provides the service.
  Expect("Quarry Labs signed a three-year cloud deal with Oracle.", "en", {"Oracle supplies Quarry Labs"}, {"Quarry Labs supplies Oracle"});
  // "Members of the X include A and B": each is a member.
  Expect("Members of the Open Chip Alliance include Quarry Labs and Intel.", "en",
         {"Quarry Labs member_of Open Chip Alliance", "Intel member_of Open Chip Alliance"});
}

}  // namespace
}  // namespace relgraph::importers
